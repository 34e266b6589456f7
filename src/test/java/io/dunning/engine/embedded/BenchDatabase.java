package io.dunning.engine.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A benchmark's own database on the MySQL-compatible server: dropped and created at the start, read by SQL. */
final class BenchDatabase {

	private final String url;

	BenchDatabase(String defaultUrl) {
		this.url = System.getenv().getOrDefault("DUNNING_BENCH_DB_URL", defaultUrl);
	}

	/** What the application is started with. */
	Map<String, String> properties() {
		return Map.of("spring.datasource.url", url, "spring.datasource.username", username(),
				"spring.datasource.password", password());
	}

	void recreate() throws SQLException {
		String database = url.replaceFirst("jdbc:mysql://[^/]+/([^?]*).*", "$1");
		String server = url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
		try (Connection connection = DriverManager.getConnection(server, username(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
		}
	}

	long count(String sql) throws SQLException {
		return Long.parseLong(single(sql));
	}

	String single(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	String version() {
		try {
			return single("SELECT VERSION()");
		}
		catch (SQLException e) {
			return "unknown";
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(url, username(), password());
	}

	private static String username() {
		return System.getenv().getOrDefault("DUNNING_BENCH_DB_USERNAME", "root");
	}

	private static String password() {
		return System.getenv().getOrDefault("DUNNING_BENCH_DB_PASSWORD", "");
	}

}
