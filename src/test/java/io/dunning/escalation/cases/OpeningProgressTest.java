package io.dunning.escalation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OpeningProgressTest {

	@Test
	void aBurstWhoseFirstStartsAreAnsweredBeforeTheLastIsSentIsCountedWhole(CapturedOutput output) {
		OpeningProgress progress = new OpeningProgress();
		progress.sent();
		progress.sent();
		progress.answered(true);
		progress.answered(true);

		progress.sent();
		progress.answered(false);

		assertThat(output.getOut()).contains("Cases opened 2 of 2")
			.contains("Cases opened 2 of 3 (1 to start again later)");
	}

}
