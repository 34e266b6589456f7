package io.dunning.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.engine.GatewayParts;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine, assembled from the test engine's parts with two changes that let it carry a real ledger:
 * <ul>
 * <li>its state lives in RocksDB, as in a real broker, in a temporary directory deleted on stop. The test engine's
 * in-memory store copies itself on every prefix iteration, so each step cost time in proportion to the open cases;</li>
 * <li>its log drops what the engine has processed and the record tap has read, so it stays bounded.</li>
 * </ul>
 * Its gRPC gateway has no authentication, so it listens on the loopback address only.
 */
final class EngineAssembly implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EngineAssembly.class);

	private static final int PARTITION_ID = 1;

	private static final int PARTITION_COUNT = 1;

	private static final String STATE_PREFIX = "dunning-engine-";

	/** Memory for RocksDB's caches and write buffers, outside the heap. */
	private static final long STATE_MEMORY_BYTES = 128L * 1024 * 1024;

	private final int port;

	private final Path stateDirectory;

	private final ControlledActorClock clock;

	private final ActorScheduler scheduler;

	private final CompactingLogStorage logStorage;

	private final LogStream logStream;

	private final Server grpcServer;

	private final ZeebeDb<ZbColumnFamilies> state;

	private final StreamProcessor streamProcessor;

	private final RecordTap records;

	private final ScheduledExecutorService compaction = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "engine-log-compaction");
		thread.setDaemon(true);
		return thread;
	});

	private EngineAssembly(int port) throws IOException {
		this.port = port;
		deleteStateOfDeadProcesses();
		this.stateDirectory = Files.createTempDirectory(STATE_PREFIX + ProcessHandle.current().pid() + "-");
		this.clock = new ControlledActorClock();
		this.scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
		scheduler.start();
		this.logStorage = new CompactingLogStorage();
		this.logStream = LogStream.builder()
			.withPartitionId(PARTITION_ID)
			.withLogStorage(logStorage)
			.withClock(clock)
			.withMeterRegistry(new SimpleMeterRegistry())
			.build();
		GatewayParts gateway = new GatewayParts(logStream, PARTITION_ID, PARTITION_COUNT, port);
		this.grpcServer = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
			.addService(gateway.grpcService())
			.build();
		this.state = new ZeebeRocksDbFactory<ZbColumnFamilies>(
				new RocksDbConfiguration().setMemoryLimit(STATE_MEMORY_BYTES), new ConsistencyChecksSettings(),
				new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION_ID),
				SimpleMeterRegistry::new)
			.createDb(stateDirectory.toFile());
		this.streamProcessor = streamProcessor(gateway);
		this.records = new RecordTap(logStream.newLogStreamReader(), PARTITION_ID);
	}

	/** Starts an engine on this loopback port, or on a free one when the port is 0. */
	static EngineAssembly start(int port) {
		EngineAssembly engine;
		try {
			engine = new EngineAssembly(port == 0 ? freeLoopbackPort() : port);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the embedded engine cannot create its state directory", e);
		}
		try {
			engine.grpcServer.start();
			engine.streamProcessor.openAsync(false).join();
		}
		catch (IOException | RuntimeException e) {
			engine.close();
			throw new IllegalStateException("the embedded engine did not start", e);
		}
		engine.compaction.scheduleWithFixedDelay(engine::dropReadLog, 1, 1, TimeUnit.SECONDS);
		return engine;
	}

	private StreamProcessor streamProcessor(GatewayParts gateway) {
		SecurityConfiguration security = new SecurityConfiguration();
		security.getAuthorizations().setEnabled(false);
		Engine engine = new Engine(context -> EngineProcessors.createEngineProcessors(context, PARTITION_COUNT,
				new SubscriptionCommandSender(context.getPartitionId(), gateway.commandSender()),
				gateway.commandSender(), FeatureFlags.createDefault(), gateway.jobStreamer(), SearchClientsProxy.noop(),
				new BrokerRequestAuthorizationConverter(security)), new EngineConfiguration(), security);
		return StreamProcessor.builder()
			.logStream(logStream)
			.zeebeDb(state)
			.commandResponseWriter(gateway.responseWriter())
			.partitionCommandSender(gateway.commandSender())
			.recordProcessors(List.of(engine))
			.actorSchedulingService(scheduler)
			.clock(new ControllableStreamClockImpl(clock))
			.meterRegistry(new SimpleMeterRegistry())
			.build();
	}

	/** host:port of the gRPC gateway, on the loopback address. */
	String address() {
		return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
	}

	int port() {
		return port;
	}

	void increaseTime(Duration duration) {
		clock.addTime(duration);
	}

	void addRecordListener(Consumer<Record<?>> listener) {
		records.addListener(listener);
	}

	/** Drops the log blocks that the engine has processed and the record tap has read. */
	void dropReadLog() {
		try {
			long processed = streamProcessor.getLastProcessedPositionAsync().join();
			long read = Math.min(processed, records.position());
			if (read > 0) {
				logStorage.dropBelow(read);
			}
		}
		catch (RuntimeException e) {
			log.debug("Engine log compaction skipped", e);
		}
	}

	LogSize logSize() {
		return new LogSize(logStorage.appendedBlocks(), logStorage.retainedBlocks(), logStorage.retainedBytes());
	}

	/** Blocks appended since start, blocks still held, and the bytes they hold. */
	record LogSize(long appendedBlocks, long retainedBlocks, long retainedBytes) {
	}

	@Override
	public void close() {
		compaction.shutdownNow();
		records.close();
		try {
			grpcServer.shutdownNow();
			grpcServer.awaitTermination(10, TimeUnit.SECONDS);
			streamProcessor.closeAsync().join();
			state.close();
			logStream.close();
			scheduler.stop().get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception e) {
			log.warn("The embedded engine did not stop cleanly", e);
		}
		finally {
			deleteQuietly(stateDirectory);
		}
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** A process killed with -9 leaves its state directory behind: the next start removes it. */
	private static void deleteStateOfDeadProcesses() {
		Path temp = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> entries = Files.list(temp)) {
			entries.filter(path -> path.getFileName().toString().startsWith(STATE_PREFIX))
				.filter(EngineAssembly::ownerIsGone)
				.forEach(EngineAssembly::deleteQuietly);
		}
		catch (IOException | RuntimeException e) {
			log.debug("No stale engine state removed", e);
		}
	}

	private static boolean ownerIsGone(Path directory) {
		String[] parts = directory.getFileName().toString().substring(STATE_PREFIX.length()).split("-", 2);
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
