package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports 50 000 invoice rows into an empty database, then the same file again, and prints both times. Run it on
 * its own: {@code ./mvnw test -Dtest=CsvReimportBench -Dbench=true}. Results: src/docs/bench/csv-reimport.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CsvReimportBench {

	static final int ROWS = 50_000;
	static final int INVOICES_PER_CUSTOMER = 10;

	@Test
	void reimportingUnchangedRows(@TempDir Path data) {
		// -Dbench.db=h2 measures the zero-setup H2 file database, otherwise the MySQL-compatible test server.
		Map<String, String> database = "h2".equals(System.getProperty("bench.db")) ? Map.of("spring.datasource.url",
				"jdbc:h2:file:" + data.resolve("dunning") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"spring.datasource.username", "sa", "spring.datasource.password", "") : TestDatabase.fresh("bench");
		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			byte[] csv = file(dunning.today().plusDays(60));
			Api integrator = dunning.as("integrator");

			long start = System.nanoTime();
			Api.Response first = integrator.upload("/api/invoices/import", "bench.csv", csv);
			Duration firstImport = Duration.ofNanos(System.nanoTime() - start);
			assertThat(first.status()).as(first.text()).isEqualTo(200);
			assertThat(first.body().get("created").asInt()).isEqualTo(ROWS);

			start = System.nanoTime();
			Api.Response again = integrator.upload("/api/invoices/import", "bench.csv", csv);
			Duration reimport = Duration.ofNanos(System.nanoTime() - start);
			assertThat(again.body().get("unchanged").asInt()).isEqualTo(ROWS);

			System.out.printf("BENCH " + System.getProperty("bench.db", "mysql") + " %d rows (%d bytes): first import %d ms, re-import of unchanged rows %d ms%n", ROWS,
					csv.length, firstImport.toMillis(), reimport.toMillis());
		}
	}

	private static byte[] file(LocalDate due) {
		StringBuilder csv = new StringBuilder(
				"invoice_number,customer_id,customer_name,customer_type,language,email,phone,amount,currency,issue_date,due_date\n");
		for (int i = 0; i < ROWS; i++) {
			int customer = i / INVOICES_PER_CUSTOMER;
			csv.append("BENCH-").append(i).append(",BC-").append(customer).append(",\"Client ").append(customer)
				.append(", SARL\",B2B,fr,compta").append(customer).append("@client.example,+33612345678,")
				.append(100 + i % 900).append(".50,EUR,").append(due.minusDays(30)).append(',').append(due).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
