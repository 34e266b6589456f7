package io.dunning.engine.embedded;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.camunda.zeebe.protocol.record.ValueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine as a process of its own, standing in for a cluster where none can run: CI starts the
 * production jar in remote mode against it. Not for production (Camunda License 1.0, non-production).
 * <p>
 * Run from the default jar: {@code java -cp dunning-orchestrator-<version>.jar
 * -Dloader.main=io.dunning.engine.embedded.StandaloneEngine org.springframework.boot.loader.launch.PropertiesLauncher
 * 26500}. It listens on the loopback address only, logs {@code Engine ready at <address>} and runs until stopped.
 */
public final class StandaloneEngine {

	private static final Logger log = LoggerFactory.getLogger(StandaloneEngine.class);

	private StandaloneEngine() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 26500;
		EngineAssembly engine = EngineAssembly.start(port);
		// No application runs here to list incidents for the managers: the tap's log line is their record.
		engine.addRecordListener(Set.of(ValueType.INCIDENT), new IncidentTap(event -> {
		}));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			engine.close();
			stopped.countDown();
		}, "engine-shutdown"));
		log.info("Engine ready at {}", engine.address());
		stopped.await();
	}

}
