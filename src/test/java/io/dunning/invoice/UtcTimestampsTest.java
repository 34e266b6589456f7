package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;

import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timestamps are stored as UTC whatever the JVM's zone, so that two replicas in two zones, or one restarted in
 * another zone, read the same instants. The app runs here in a JVM set to New York.
 */
@RequiresDatabase
class UtcTimestampsTest {

	private TimeZone original;

	@BeforeEach
	void runInNewYork() {
		original = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void restoreTheZone() {
		TimeZone.setDefault(original);
	}

	@Test
	void onMySqlATimestampIsStoredInUtcUnderANewYorkJvm() throws SQLException {
		Map<String, String> database = TestDatabase.fresh("utc");
		String number;
		Instant before;
		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			before = dunning.now();
			number = Dunning.newInvoiceNumber("UTC");
			dunning.as("integrator").post("/api/invoices", dunning.invoice(number, dunning.today().plusDays(10), "10.00", "B2B"));
		}
		try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"))) {
			assertThat(storedCreatedAt(connection, "DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s')", number))
				.isBetween(before.minusSeconds(1), before.plus(Duration.ofMinutes(1)));
		}
	}

	@Test
	void onH2ATimestampIsStoredInUtcUnderANewYorkJvm(@TempDir Path data) throws SQLException {
		String url = "jdbc:h2:file:" + data.resolve("dunning") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		String number;
		Instant before;
		try (AppInstance app = AppInstance.start(
				Map.of("spring.datasource.url", url, "spring.datasource.username", "sa", "spring.datasource.password", ""))) {
			Dunning dunning = app.dunning();
			before = dunning.now();
			number = Dunning.newInvoiceNumber("UTC");
			dunning.as("integrator").post("/api/invoices", dunning.invoice(number, dunning.today().plusDays(10), "10.00", "B2B"));
		}
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertThat(storedCreatedAt(connection, "FORMATDATETIME(created_at, 'yyyy-MM-dd''T''HH:mm:ss')", number))
				.isBetween(before.minusSeconds(1), before.plus(Duration.ofMinutes(1)));
		}
	}

	/** The stored wall-clock value, as written in the table, read as UTC. */
	private static Instant storedCreatedAt(Connection connection, String asText, String number) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + asText + " FROM invoice WHERE invoice_number = ?")) {
			statement.setString(1, number);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return LocalDateTime.parse(rs.getString(1)).toInstant(ZoneOffset.UTC);
			}
		}
	}

}
