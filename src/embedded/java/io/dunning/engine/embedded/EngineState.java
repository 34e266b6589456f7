package io.dunning.engine.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's state in RocksDB, as in a real broker, in a temporary directory of this process that is deleted on
 * close. MySQL is the truth: every start begins empty and rehydrates. The test engine's in-memory store copied itself
 * on every prefix iteration, so each step cost time in proportion to the open cases.
 */
final class EngineState implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EngineState.class);

	private static final String PREFIX = "dunning-engine-";

	/** Memory for RocksDB's caches and write buffers, outside the heap. */
	private static final long MEMORY_BYTES = 128L * 1024 * 1024;

	private final Path directory;

	private final ZeebeDb<ZbColumnFamilies> db;

	private EngineState(Path directory, ZeebeDb<ZbColumnFamilies> db) {
		this.directory = directory;
		this.db = db;
	}

	static EngineState open(int partitionId) throws IOException {
		deleteStateOfDeadProcesses();
		Path directory = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
		ZeebeDb<ZbColumnFamilies> db = new ZeebeRocksDbFactory<ZbColumnFamilies>(
				new RocksDbConfiguration().setMemoryLimit(MEMORY_BYTES), new ConsistencyChecksSettings(),
				new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, partitionId),
				SimpleMeterRegistry::new)
			.createDb(directory.resolve("state").toFile());
		return new EngineState(directory, db);
	}

	ZeebeDb<ZbColumnFamilies> db() {
		return db;
	}

	/** Where the engine's log spills its blocks during a burst; deleted with the state. */
	Path logDirectory() {
		return directory.resolve("log");
	}

	@Override
	public void close() {
		try {
			db.close();
		}
		catch (Exception e) {
			log.warn("The engine state did not close cleanly", e);
		}
		finally {
			deleteQuietly(directory);
		}
	}

	/** A process killed with -9 leaves its state directory behind: the next start removes it. */
	private static void deleteStateOfDeadProcesses() {
		Path temp = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> entries = Files.list(temp)) {
			entries.filter(path -> path.getFileName().toString().startsWith(PREFIX))
				.filter(EngineState::ownerIsGone)
				.forEach(EngineState::deleteQuietly);
		}
		catch (IOException | RuntimeException e) {
			log.debug("No stale engine state removed", e);
		}
	}

	private static boolean ownerIsGone(Path directory) {
		String[] parts = directory.getFileName().toString().substring(PREFIX.length()).split("-", 2);
		try {
			return ProcessHandle.of(Long.parseLong(parts[0])).isEmpty();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | RuntimeException e) {
			log.warn("Engine state in {} not deleted", directory, e);
		}
	}

}
