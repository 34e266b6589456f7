package io.dunning.engine.embedded;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dunning.AppInstance;

/**
 * The application in a process of its own, on the embedded default, as an operator runs it: so that a benchmark can
 * read its memory and kill it with -9.
 */
final class BenchApp implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private BenchApp(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	static BenchApp start(String name, int port, Map<String, String> properties, String maxHeap) {
		// Each entry once: a directory listed twice would make the app find its diagram twice.
		String classpath = String.join(File.pathSeparator, new LinkedHashSet<>(List.of(System
			.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
			.split(File.pathSeparator))));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + maxHeap, "-cp", classpath, "io.dunning.DunningApplication", "--server.port=" + port,
				"--dunning.handoff.target=target/bench/handoff",
				// A shared, loaded machine can take longer than the default 10 s to answer a deployment at start.
				"--camunda.client.request-timeout=PT60S"));
		// The benchmarks measure the engine whatever the hour they run at: contacts are not held to contact hours.
		Map<String, String> all = new HashMap<>(AppInstance.ALWAYS_OPEN);
		all.putAll(properties);
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		// For profiling a run: -Dbench.jvm-args="-XX:StartFlightRecording=filename=target/bench/b1.jfr"
		String jvmArgs = System.getProperty("bench.jvm-args", "").strip();
		if (!jvmArgs.isEmpty()) {
			command.addAll(1, List.of(jvmArgs.split("\\s+")));
		}
		Path log = Path.of("target", "bench", name + ".log");
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log.resolveSibling(name + ".command"), String.join("\n", command));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new BenchApp(process, port, log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Waits until the application has started (its log says so: the web server answers before the diagram is
	 * deployed) and answers its health endpoint; returns when that happened.
	 */
	Instant awaitUp(Duration patience) {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("the application exited with " + process.exitValue());
			}
			return answers(http) && Files.readString(log).contains("Started DunningApplication");
		});
		return Instant.now();
	}

	private boolean answers(HttpClient http) throws InterruptedException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
	}

	int port() {
		return port;
	}

	/** Resident set size of the whole process, from /proc. */
	long rssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
			return -1;
		}
		catch (IOException e) {
			return -1;
		}
	}

	/** The heap in use right after a full collection, read with jcmd: what the application really holds. */
	long heapAfterGcBytes() {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		run(jcmd, String.valueOf(process.pid()), "GC.run");
		Matcher used = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K")
			.matcher(run(jcmd, String.valueOf(process.pid()), "GC.heap_info"));
		return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
	}

	private static String run(String... command) {
		try {
			Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(jcmd.getInputStream().readAllBytes());
			jcmd.waitFor();
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** kill -9: no shutdown hook, no orderly stop. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

}
