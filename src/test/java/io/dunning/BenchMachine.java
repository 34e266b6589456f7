package io.dunning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark's results say it ran on: the machine, its load, and the commit. */
public final class BenchMachine {

	private BenchMachine() {
	}

	/** Cores, processor and memory, such as "2 cores, AMD EPYC, 23 GiB RAM". */
	public static String description() {
		String kb = grep(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", "");
		return Runtime.getRuntime().availableProcessors() + " cores, "
				+ grep(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", "") + ", "
				+ (kb.isEmpty() ? "unknown" : (Long.parseLong(kb) / 1024 / 1024) + " GiB") + " RAM";
	}

	/** The 1, 5 and 15 minute load averages. */
	public static String loadAverage() {
		try {
			return Files.readAllLines(Path.of("/proc/loadavg")).getFirst().replaceFirst("^(\\S+ \\S+ \\S+).*", "$1");
		}
		catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}

	/** The short commit, marked when the working tree differs from it (the results files themselves do not count). */
	public static String commit() {
		return command("git", "rev-parse", "--short", "HEAD")
				+ (command("git", "status", "--porcelain", "--", ".", ":(exclude)src/docs/bench").isBlank() ? ""
						: " (with uncommitted changes)");
	}

	private static String grep(Path file, String prefix) {
		try {
			return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("unknown");
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static String command(String... args) {
		try {
			Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).strip();
			process.waitFor();
			return out;
		}
		catch (IOException e) {
			return "unknown";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
