package io.dunning.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.engine.GatewayParts;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
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
 * The embedded engine, assembled from the test engine's parts with three changes that let it carry a real ledger:
 * <ul>
 * <li>its state lives in RocksDB ({@link EngineState});</li>
 * <li>its log drops what the engine has processed and the record tap has read, so it stays bounded;</li>
 * <li>its checkers write each due timer's TRIGGER once ({@link PendingScheduledCommands}), and its timer checker runs
 * at most once a second while those wait ({@link PacedTimerChecker}), so a day on which thousands of reminders fall due
 * neither floods the log nor keeps the engine visiting timers it has already triggered.</li>
 * </ul>
 * Its gRPC gateway has no authentication, so it listens on the loopback address only.
 */
final class EngineAssembly implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EngineAssembly.class);

	private static final int PARTITION_ID = 1;

	private static final int PARTITION_COUNT = 1;

	/** The engine's log keeps this much on the heap; a burst beyond it spills to disk until the engine catches up. */
	private static final long LOG_HEAP_BYTES = 64L << 20;

	private static final long LOG_SEGMENT_BYTES = 64L << 20;

	private final int port;

	private final ControlledActorClock clock;

	private final ActorScheduler scheduler;

	private final CompactingLogStorage logStorage;

	private final LogStream logStream;

	private final Server grpcServer;

	private final EngineState state;

	private final StreamProcessor streamProcessor;

	private final RecordTap records;

	private final PendingScheduledCommands pendingScheduledCommands = new PendingScheduledCommands();

	private volatile long processedPosition = -1;

	private final ScheduledExecutorService compaction = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "engine-log-compaction");
		thread.setDaemon(true);
		return thread;
	});

	private EngineAssembly(int port, long logHeapBytes, long logSegmentBytes) throws IOException {
		this.port = port;
		this.clock = new ControlledActorClock();
		this.scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
		scheduler.start();
		this.state = EngineState.open(PARTITION_ID);
		this.logStorage = new CompactingLogStorage(state.logDirectory(), logHeapBytes, logSegmentBytes);
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
		this.streamProcessor = streamProcessor(gateway);
		this.records = new RecordTap(logStream.newLogStreamReader(), PARTITION_ID);
	}

	/** Starts an engine on this loopback port, or on a free one when the port is 0. */
	static EngineAssembly start(int port) {
		return start(port, LOG_HEAP_BYTES, LOG_SEGMENT_BYTES);
	}

	/** As {@link #start(int)}, with the log's heap budget and segment size chosen, so that a test can make it spill. */
	static EngineAssembly start(int port, long logHeapBytes, long logSegmentBytes) {
		EngineAssembly engine;
		try {
			engine = new EngineAssembly(port == 0 ? freeLoopbackPort() : port, logHeapBytes, logSegmentBytes);
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
		Engine engine = new Engine(context -> PacedTimerChecker.paceIn(EngineProcessors.createEngineProcessors(context,
				PARTITION_COUNT, new SubscriptionCommandSender(context.getPartitionId(), gateway.commandSender()),
				gateway.commandSender(), FeatureFlags.createDefault(), gateway.jobStreamer(), SearchClientsProxy.noop(),
				new BrokerRequestAuthorizationConverter(security)), pendingScheduledCommands), new EngineConfiguration(),
				security);
		return StreamProcessor.builder()
			.logStream(logStream)
			.zeebeDb(state.db())
			.commandResponseWriter(gateway.responseWriter())
			.partitionCommandSender(gateway.commandSender())
			.recordProcessors(List.of(engine))
			.scheduledCommandCache(pendingScheduledCommands)
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

	void addRecordListener(Set<ValueType> valueTypes, Consumer<Record<?>> listener) {
		records.addListener(valueTypes, listener);
	}

	/** Drops the log blocks that the engine has processed and the record tap has read. */
	void dropReadLog() {
		try {
			long processed = streamProcessor.getLastProcessedPositionAsync().join();
			processedPosition = processed;
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
		return new LogSize(logStorage.appendedBlocks(), logStorage.retainedBlocks(), logStorage.retainedBytes(),
				logStorage.spilledBlocks(), logStorage.segmentFiles(),
				Math.max(0, logStorage.highestPosition() - processedPosition));
	}

	/**
	 * Blocks appended since start, blocks still held and the bytes they hold, blocks that went to disk since start,
	 * the segment files on disk now, and how many records the engine has yet to reach (as of the last compaction,
	 * once a second).
	 */
	record LogSize(long appendedBlocks, long retainedBlocks, long retainedBytes, long spilledBlocks, int segmentFiles,
			long recordsBehind) {
	}

	@Override
	public void close() {
		compaction.shutdownNow();
		records.close();
		try {
			grpcServer.shutdownNow();
			grpcServer.awaitTermination(10, TimeUnit.SECONDS);
			streamProcessor.closeAsync().join();
			logStream.close();
			logStorage.close();
			scheduler.stop().get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception e) {
			log.warn("The embedded engine did not stop cleanly", e);
		}
		finally {
			state.close();
		}
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
