package io.dunning;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The MySQL-compatible server the tests talk to: MySQL 8.4 in Testcontainers where Docker runs, otherwise the
 * server at DUNNING_TEST_DB_URL (default: the local server on 127.0.0.1:3306, database dunning_test).
 */
public final class TestDatabase {

	private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/dunning_test";

	private static MySQLContainer<?> container;

	private TestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		Map<String, String> properties = properties(null);
		properties.forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * Connection properties for the shared test database, or for a database of its own when a test starts
	 * applications itself and must not meet the shared context's cases.
	 */
	public static synchronized Map<String, String> properties(String ownDatabase) {
		if (dockerAvailable()) {
			if (container == null) {
				container = new MySQLContainer<>("mysql:8.4");
				container.start();
			}
			String url = ownDatabase == null ? container.getJdbcUrl()
					: container.getJdbcUrl().replace("/" + container.getDatabaseName(), "/" + ownDatabase);
			return Map.of("spring.datasource.url", withCreate(url), "spring.datasource.username", "root",
					"spring.datasource.password", container.getPassword());
		}
		String url = env("DUNNING_TEST_DB_URL", DEFAULT_URL);
		if (ownDatabase != null) {
			url = url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + ownDatabase);
		}
		return Map.of("spring.datasource.url", withCreate(url), "spring.datasource.username",
				env("DUNNING_TEST_DB_USERNAME", "root"), "spring.datasource.password", env("DUNNING_TEST_DB_PASSWORD", ""));
	}

	/** An empty database of its own, dropped and created anew: nothing left by an earlier run is rehydrated. */
	public static Map<String, String> fresh(String database) {
		Map<String, String> properties = properties(database);
		String serverUrl = properties.get("spring.datasource.url").replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
		try (Connection connection = DriverManager.getConnection(serverUrl,
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot recreate test database " + database, e);
		}
		return properties;
	}

	private static String withCreate(String url) {
		return url.contains("createDatabaseIfNotExist") ? url
				: url + (url.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
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
