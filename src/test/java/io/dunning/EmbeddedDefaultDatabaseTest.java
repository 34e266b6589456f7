package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no database configured the app runs on its H2 file database and keeps its data across restarts. */
class EmbeddedDefaultDatabaseTest {

	@TempDir
	Path data;

	@Test
	void theZeroSetupDatabaseMigratesOpensCasesAndSurvivesARestart() {
		Map<String, String> properties = Map.of("spring.datasource.url",
				"jdbc:h2:file:" + data.resolve("dunning") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"spring.datasource.username", "sa", "spring.datasource.password", "");
		String number;
		try (AppInstance app = AppInstance.start(properties)) {
			number = app.dunning().overdueInvoice("H2", 5, "500.00");
			app.dunning().awaitCaseStatus(number, "OPEN");
		}
		try (AppInstance app = AppInstance.start(properties)) {
			assertThat(app.dunning().status(number).get("balance").decimalValue()).isEqualByComparingTo("500.00");
			app.dunning().pay(number, "500.00");
			app.dunning().awaitCaseStatus(number, "PAID");
		}
	}

}
