package io.dunning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.dunning.Api;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;

class ClockApiTest extends IntegrationTest {

	@Test
	void zeroDurationReadsTheClockAndAnAdvanceMovesItForward() {
		Api admin = as("admin");
		Instant before = Instant.parse(admin.post("/api/admin/clock/advance", Map.of("duration", "PT0S")).body().get("now").asText());
		Api.Response advanced = admin.post("/api/admin/clock/advance", Map.of("duration", "PT1H"));
		assertThat(advanced.status()).isEqualTo(200);
		Instant after = Instant.parse(advanced.body().get("now").asText());
		assertThat(Duration.between(before, after)).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMinutes(1));
	}

	@Test
	void onlyAdminsMoveTheClock() {
		assertThat(as("manager").post("/api/admin/clock/advance", Map.of("duration", "P1D")).status()).isEqualTo(403);
	}

	@Test
	void aBadDurationIsAProblemNamingTheField() {
		Api.Response response = as("admin").post("/api/admin/clock/advance", Map.of("duration", "seven days"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("duration");
	}

	@Test
	void anAdvanceBeyondFourHundredDaysIsAProblemAndLeavesTheClockAlone() {
		Api admin = as("admin");
		Instant before = Instant.parse(admin.post("/api/admin/clock/advance", Map.of("duration", "PT0S")).body().get("now").asText());
		for (String huge : new String[] { "PT9223372036854775807S", "P999999999D", "P401D" }) {
			Api.Response response = admin.post("/api/admin/clock/advance", Map.of("duration", huge));
			assertThat(response.status()).as(huge).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("duration");
			assertThat(response.body().at("/errors/0/message").asText()).contains("at most P400D");
		}
		Instant after = Instant.parse(admin.post("/api/admin/clock/advance", Map.of("duration", "PT0S")).body().get("now").asText());
		assertThat(Duration.between(before, after)).isLessThan(Duration.ofMinutes(1));
	}

}
