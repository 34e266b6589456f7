package io.dunning.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.dunning.BenchMachine;

/** The benchmark figures with what they were measured on: machine, load, versions, date and commit. */
final class BenchReport {

	private final int cases;

	private final String title;

	private final String about;

	private final List<String> rows = new ArrayList<>();

	private final String loadAtStart = BenchMachine.loadAverage();

	private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

	BenchReport(int cases, String title, String about) {
		this.cases = cases;
		this.title = title;
		this.about = about;
	}


	void row(String bench, String figure, double value, String unit, String ratio, String goal) {
		String formatted = value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
				: String.format("%.2f", value);
		rows.add("| " + bench + " | " + figure + " | " + formatted + " " + unit + " | " + ratio + " | " + goal + " |");
		System.out.println("BENCH " + bench + " " + figure + ": " + formatted + " " + unit + " " + ratio + " " + goal);
	}

	void write(Path file, String databaseVersion) {
		write(file, databaseVersion, List.of());
	}

	/** @param appendix Markdown after the figures, such as a table of readings over time */
	void write(Path file, String databaseVersion, List<String> appendix) {
		List<String> lines = new ArrayList<>();
		lines.add("# " + title);
		lines.add("");
		lines.add(about);
		lines.add("");
		lines.add("- date: " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (UTC)");
		lines.add("- commit: " + BenchMachine.commit());
		lines.add("- machine: " + BenchMachine.description());
		lines.add("- load average (1, 5, 15 min) at start: " + loadAtStart + "; at end: " + BenchMachine.loadAverage()
				+ " (the machine is shared with other builds)");
		lines.add("- Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
				+ "Zeebe engine " + engineVersion() + " with the RocksDB state store, database " + databaseVersion);
		lines.add("- cases: " + cases);
		lines.add("");
		lines.add("| bench | figure | value | ratio | goal |");
		lines.add("|---|---|---|---|---|");
		lines.addAll(rows);
		if (!appendix.isEmpty()) {
			lines.add("");
			lines.addAll(appendix);
		}
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String engineVersion() {
		String version = io.camunda.zeebe.engine.Engine.class.getPackage().getImplementationVersion();
		return version == null ? "unknown" : version;
	}

}
