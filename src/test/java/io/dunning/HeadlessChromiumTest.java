package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A test run leaves the committed screenshots alone unless it is asked to refresh them. */
class HeadlessChromiumTest {

	@Test
	void screenshotsGoUnderTargetUnlessThePropertyNamesTheDocsFolder() {
		String asked = System.getProperty(HeadlessChromium.SCREENSHOTS_PROPERTY);
		try {
			System.clearProperty(HeadlessChromium.SCREENSHOTS_PROPERTY);
			assertThat(HeadlessChromium.screenshots()).isEqualTo(Path.of("target/screenshots"));

			System.setProperty(HeadlessChromium.SCREENSHOTS_PROPERTY, "src/docs/screenshots");
			assertThat(HeadlessChromium.screenshots()).isEqualTo(Path.of("src/docs/screenshots"));
		}
		finally {
			if (asked == null) {
				System.clearProperty(HeadlessChromium.SCREENSHOTS_PROPERTY);
			}
			else {
				System.setProperty(HeadlessChromium.SCREENSHOTS_PROPERTY, asked);
			}
		}
	}

}
