package io.dunning;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The MySQL-compatible server the tests talk to: MySQL 8.4 in Testcontainers where Docker runs, otherwise the
 * server at DUNNING_TEST_DB_URL (default: the local server on 127.0.0.1:3306).
 */
public final class TestDatabase {

	private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/dunning_test?createDatabaseIfNotExist=true";

	private static MySQLContainer<?> container;

	private TestDatabase() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (dockerAvailable()) {
			if (container == null) {
				container = new MySQLContainer<>("mysql:8.4");
				container.start();
			}
			registry.add("spring.datasource.url", container::getJdbcUrl);
			registry.add("spring.datasource.username", container::getUsername);
			registry.add("spring.datasource.password", container::getPassword);
			return;
		}
		registry.add("spring.datasource.url", () -> env("DUNNING_TEST_DB_URL", DEFAULT_URL));
		registry.add("spring.datasource.username", () -> env("DUNNING_TEST_DB_USERNAME", "root"));
		registry.add("spring.datasource.password", () -> env("DUNNING_TEST_DB_PASSWORD", ""));
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
