package io.dunning;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

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

	/** The databases that {@link #fresh} created in this JVM, with how to reach their server. */
	private static final Map<String, Map<String, String>> FRESH = new LinkedHashMap<>();

	private TestDatabase() {
	}

	/**
	 * The shared test database. A test class whose context must stay apart from the shared one gives its own
	 * database a suffix in the property {@code dunning.test.database-suffix}: {@code _channel} makes
	 * {@code dunning_test_channel}. Databases are named after the shared one, so two checkouts that use two shared
	 * databases never meet.
	 */
	public static void register(DynamicPropertyRegistry registry) {
		Map<String, String> shared = properties(null);
		String url = shared.get("spring.datasource.url");
		String placeholder = databaseName(url) + "${dunning.test.database-suffix:}";
		shared.forEach((name, value) -> registry.add(name,
				() -> name.equals("spring.datasource.url") ? withDatabase(url, placeholder) : value));
	}

	/**
	 * Connection properties for the shared test database, or for a database of its own when a test starts
	 * applications itself and must not meet the shared context's cases.
	 */
	public static synchronized Map<String, String> properties(String ownDatabase) {
		String url;
		String user;
		String password;
		if (dockerAvailable()) {
			if (container == null) {
				container = new MySQLContainer<>("mysql:8.4");
				container.start();
			}
			url = container.getJdbcUrl();
			user = "root";
			password = container.getPassword();
		}
		else {
			url = env("DUNNING_TEST_DB_URL", DEFAULT_URL);
			user = env("DUNNING_TEST_DB_USERNAME", "root");
			password = env("DUNNING_TEST_DB_PASSWORD", "");
		}
		if (ownDatabase != null) {
			url = withDatabase(url, databaseName(url) + "_" + ownDatabase);
		}
		return Map.of("spring.datasource.url", withCreate(url), "spring.datasource.username", user,
				"spring.datasource.password", password);
	}

	private static String databaseName(String url) {
		return url.replaceFirst("jdbc:mysql://[^/]+/([^?]*).*", "$1");
	}

	private static String withDatabase(String url, String database) {
		return url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + Matcher.quoteReplacement(database));
	}

	/**
	 * An empty database of its own, named after the shared one with this suffix, dropped and created anew: nothing
	 * left by an earlier run is rehydrated. It is dropped again when the test JVM ends, so a run leaves only the
	 * databases of the shared contexts on the server.
	 */
	public static Map<String, String> fresh(String suffix) {
		Map<String, String> properties = properties(suffix);
		String database = databaseName(properties.get("spring.datasource.url"));
		execute(properties, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
		synchronized (FRESH) {
			if (FRESH.isEmpty()) {
				Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropFresh, "drop-test-databases"));
			}
			FRESH.put(database, properties);
		}
		return properties;
	}

	private static void dropFresh() {
		synchronized (FRESH) {
			FRESH.forEach((database, properties) -> {
				try {
					execute(properties, "DROP DATABASE IF EXISTS " + database);
				}
				catch (IllegalStateException e) {
					System.err.println("Test database " + database + " left on the server: " + e.getCause());
				}
			});
		}
	}

	private static void execute(Map<String, String> properties, String... statements) {
		String serverUrl = withDatabase(properties.get("spring.datasource.url"), "");
		try (Connection connection = DriverManager.getConnection(serverUrl,
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot run " + String.join("; ", statements), e);
		}
	}

	/**
	 * Why the tests cannot reach their database, if they cannot: Docker is absent and no server answers at
	 * DUNNING_TEST_DB_URL.
	 */
	static Optional<String> unreachable() {
		if (dockerAvailable()) {
			return Optional.empty();
		}
		return unreachable(env("DUNNING_TEST_DB_URL", DEFAULT_URL), env("DUNNING_TEST_DB_USERNAME", "root"),
				env("DUNNING_TEST_DB_PASSWORD", ""));
	}

	static Optional<String> unreachable(String url, String user, String password) {
		String serverUrl = withDatabase(url, "") + (url.contains("?") ? "&" : "?") + "connectTimeout=3000";
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
			return Optional.empty();
		}
		catch (SQLException e) {
			return Optional.of("No Docker and no MySQL-compatible server answers at " + withDatabase(url, "")
					+ " (" + e.getMessage().lines().findFirst().orElse("") + "). Start one or set DUNNING_TEST_DB_URL;"
					+ " see the README's Tests section.");
		}
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
