package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Searches compare names without case or accents on every database, H2 (the zero-setup default) included, where the
 * stored name alone compared both: "dupuis", "lefevre" and "cafe" found nothing.
 */
class CustomerSearchNameTest {

	private final DriverManagerDataSource h2 = new DriverManagerDataSource(
			"jdbc:h2:mem:search-" + System.nanoTime() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");

	private final JdbcClient jdbc = JdbcClient.create(h2);

	@Test
	void aNameIsFoundByItsTextWithoutCaseOrAccentsOnTheZeroSetupDatabase() {
		migrate(null);
		Customers customers = new Customers(jdbc);
		for (String[] customer : new String[][] { { "C-1", "DUPUIS Frères" }, { "C-2", "Boulangerie Lefèvre" },
				{ "C-3", "Café  de la Gare" }, { "C-4", "Martin SA" } }) {
			customers.insert(new Customer(customer[0], customer[1], CustomerType.B2B, "fr", null, null),
					Instant.now());
		}

		assertThat(customers.idsNamedLike("dupuis", 10)).containsExactly("C-1");
		assertThat(customers.idsNamedLike("lefevre", 10)).containsExactly("C-2");
		assertThat(customers.idsNamedLike("cafe de la", 10)).containsExactly("C-3");
		assertThat(customers.idsNamedLike("%", 10)).as("a wildcard is taken literally").isEmpty();
		assertThat(customers.named("boulangerie LEFEVRE")).extracting(Customer::externalId).containsExactly("C-2");
	}

	@Test
	void theCustomersStoredBeforeTheSearchNameGetOneWhenTheDatabaseIsMigrated() {
		migrate(MigrationVersion.fromVersion("95"));
		jdbc.sql("INSERT INTO customer (external_id, name, type, language, created_at) VALUES (?, ?, 'B2B', 'fr', NOW())")
			.params("OLD-1", "Épicerie Dupré")
			.update();

		migrate(null);

		assertThat(new Customers(jdbc).idsNamedLike("epicerie dupre", 10)).containsExactly("OLD-1");
	}

	private void migrate(MigrationVersion target) {
		var flyway = Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2");
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

}
