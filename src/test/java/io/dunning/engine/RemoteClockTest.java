package io.dunning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A clock offset stored by an embedded-engine demo must not skew business dates once the same database runs
 * against a remote cluster, whose clock cannot be moved.
 */
@RequiresDatabase
class RemoteClockTest {

	@Test
	void aStoredDemoOffsetIsIgnoredWithARemoteCluster() {
		Map<String, String> database = TestDatabase.fresh("clock");
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/mysql")
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long thirtyDays = Duration.ofDays(30).toMillis();
		jdbc.sql("UPDATE engine_clock SET offset_millis = ? WHERE id = 1").param(thirtyDays).update();

		EngineClock clock = new EngineClock(jdbc, Optional.empty());

		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(clock.canAdvance()).isFalse();
		assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(IllegalStateException.class);
		assertThat(jdbc.sql("SELECT offset_millis FROM engine_clock WHERE id = 1").query(Long.class).single())
			.as("kept for the embedded engine, should the database go back to it")
			.isEqualTo(thirtyDays);
	}

}
