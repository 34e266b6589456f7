package io.dunning.escalation.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/admin/interest-rates}: admins only, every bad field named, a half-year's rate never replaced. */
class InterestRatesApiTest extends IntegrationTest {

	private static final String PATH = "/api/admin/interest-rates";

	@Autowired JdbcClient jdbc;

	@Test
	void anAdminReadsBothTablesWithTheirSourcesNewestFirst() {
		Api.Response response = as("admin").get(PATH);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode ecb = table(response.body(), "ECB");
		JsonNode legal = table(response.body(), "LEGAL");
		assertThat(ecb.get("firstHalfYear").asText()).isEqualTo("2021-S1");
		assertThat(legal.get("firstHalfYear").asText()).isEqualTo("2021-S1");
		JsonNode legal2026 = row(legal, "2026-S1");
		assertThat(legal2026.get("rate").decimalValue()).isEqualByComparingTo("2.62");
		assertThat(legal2026.get("source").asText()).contains("Arrêté du 15 décembre 2025");
		assertThat(legal2026.get("createdBy").asText()).isEqualTo("migration V80");
		assertThat(legal2026.get("createdAt").asText()).isNotBlank();
		assertThat(row(ecb, "2023-S1").get("rate").decimalValue()).isEqualByComparingTo("2.50");
		List<String> halfYears = new ArrayList<>();
		ecb.get("rates").forEach(r -> halfYears.add(r.get("halfYear").asText()));
		assertThat(halfYears).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(response.body().get("currentHalfYear").asText()).matches("\\d{4}-S[12]");
	}

	@Test
	void onlyAnAdminReadsOrAddsRates() {
		for (String user : List.of("manager", "collector", "auditor", "integrator")) {
			assertThat(as(user).get(PATH).status()).as(user).isEqualTo(403);
			assertThat(as(user).post(PATH, valid("ECB", "2019-S1")).status()).as(user).isEqualTo(403);
		}
		assertThat(new Api(port, "admin", "wrong").get(PATH).status()).isEqualTo(401);
		assertThat(rowsFor2019()).isZero();
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsStored() {
		long before = count();

		Api.Response response = as("admin").post(PATH, Map.of("kind", "BCE", "halfYear", "2026-H2", "rate", "2,6.2",
				"source", " "));

		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(fields(response)).containsExactly("kind", "halfYear", "rate", "source");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRateIsAPercentageFromZeroToTwentyFiveWithAtMostTwoDecimals() {
		for (String rate : List.of("-0.5", "25.01", "215", "2.625", "abc", "")) {
			Api.Response response = as("admin").post(PATH, with(valid("ECB", "2019-S1"), "rate", rate));
			assertThat(response.status()).as(rate).isEqualTo(400);
			assertThat(fields(response)).as(rate).containsExactly("rate");
		}
		assertThat(as("admin").post(PATH, Map.of("kind", "ECB", "halfYear", "2019-S1", "rate", Map.of(),
				"source", "x")).status()).isEqualTo(400);
		assertThat(rowsFor2019()).isZero();
	}

	@Test
	void aHalfYearIsOneTheRateWasFixedForAndNoLaterThanTheNextOne() {
		String tooLate = HalfYear.parse(as("admin").get(PATH).body().get("currentHalfYear").asText()).orElseThrow()
			.next().next().toString();
		for (String halfYear : List.of(tooLate, "1998-S2", "2026-S3", "S1-2026", "2026")) {
			Api.Response response = as("admin").post(PATH, valid("ECB", halfYear));
			assertThat(response.status()).as(halfYear).isEqualTo(400);
			assertThat(fields(response)).as(halfYear).containsExactly("halfYear");
		}
		// The legal rate "for all other cases" exists since 2015.
		assertThat(fields(as("admin").post(PATH, valid("LEGAL", "2014-S2")))).containsExactly("halfYear");
		assertThat(as("admin").post(PATH, with(valid("ECB", "2019-S1"), "source", "x".repeat(501))).status())
			.isEqualTo(400);
		assertThat(rowsFor2019()).isZero();
	}

	@Test
	void aHalfYearThatHasItsRateKeepsItAndTheAnswerSaysWhatIsThere() {
		Api.Response response = as("admin").post(PATH, Map.of("kind", "LEGAL", "halfYear", "2026-S1", "rate", "2.76",
				"source", "Arrêté du 15 décembre 2025"));

		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("detail").asText()).contains("LEGAL rate for 2026-S1 is already 2.62 %",
				"migration V80", "nothing was stored");
		assertThat(jdbc.sql("SELECT rate FROM interest_rate WHERE kind = 'LEGAL' AND starts_on = '2026-01-01'")
			.query(String.class).single()).isEqualTo("2.62");
	}

	@Test
	void aRateAddedOnAServerInParisIsStoredForItsOwnHalfYear() {
		jdbc.sql("DELETE FROM interest_rate WHERE source = 'Test: a half-year no fixture covers'").update();
		TimeZone original = TimeZone.getDefault();
		Api.Response response;
		try {
			// East of UTC, the midnight of 1 July is still 30 June in UTC, the connection's zone.
			TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
			response = as("admin").post(PATH, Map.of("kind", "ECB", "halfYear", "2000-S2", "rate", "2.40",
					"source", "Test: a half-year no fixture covers"));
		}
		finally {
			TimeZone.setDefault(original);
		}

		String stored = jdbc.sql("SELECT CAST(starts_on AS CHAR) FROM interest_rate "
				+ "WHERE source = 'Test: a half-year no fixture covers'").query(String.class).single();
		// The other tests read the tables from 2021 on.
		jdbc.sql("DELETE FROM interest_rate WHERE source = 'Test: a half-year no fixture covers'").update();
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(stored).isEqualTo("2000-07-01");
	}

	private static JsonNode table(JsonNode overview, String kind) {
		for (JsonNode table : overview.get("tables")) {
			if (table.get("kind").asText().equals(kind)) {
				return table;
			}
		}
		throw new AssertionError("no table " + kind + " in " + overview);
	}

	private static JsonNode row(JsonNode table, String halfYear) {
		for (JsonNode row : table.get("rates")) {
			if (row.get("halfYear").asText().equals(halfYear)) {
				return row;
			}
		}
		throw new AssertionError("no row " + halfYear + " in " + table);
	}

	private static List<String> fields(Api.Response response) {
		List<String> fields = new ArrayList<>();
		response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		return fields;
	}

	private static Map<String, Object> valid(String kind, String halfYear) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("kind", kind);
		request.put("halfYear", halfYear);
		request.put("rate", "0.00");
		request.put("source", "Test: never stored, the request is refused for another field");
		return request;
	}

	private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(request);
		changed.put(field, value);
		return changed;
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM interest_rate").query(Long.class).single();
	}

	/** The requests of these tests name 2019's half-years, which no migration or fixture seeds. */
	private long rowsFor2019() {
		return jdbc.sql("SELECT COUNT(*) FROM interest_rate WHERE starts_on BETWEEN '2019-01-01' AND '2019-12-31'")
			.query(Long.class).single();
	}

}
