package io.dunning.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.dunning.engine.EngineTimeControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The only class that touches the embedded Zeebe engine. */
final class EmbeddedEngine implements EngineTimeControl {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

	private final ZeebeTestEngine engine;

	private EmbeddedEngine(ZeebeTestEngine engine) {
		this.engine = engine;
	}

	static void startInto(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getProperty("dunning.engine.embedded-port", Integer.class, 0);
		ZeebeTestEngine engine = EngineFactory.create(port == 0 ? freePort() : port);
		engine.start();
		String address = engine.getGatewayAddress();
		log.warn("Embedded Zeebe engine started at {}. It is for development, demos and tests only "
				+ "(Camunda License 1.0, non-production) and keeps nothing on disk.", address);
		// Deployment and everything else must go over gRPC: the embedded engine has no REST API.
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedEngine", Map.of(
				"camunda.client.mode", "self-managed",
				"camunda.client.grpc-address", "http://" + address,
				"camunda.client.rest-address", "http://127.0.0.1:1",
				"camunda.client.prefer-rest-over-grpc", "false")));
		DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
		IncidentTap incidents = new IncidentTap(engine.getRecordStreamSource());
		beans.registerSingleton("embeddedEngine", new EmbeddedEngine(engine));
		beans.registerDisposableBean("embeddedEngine", () -> {
			incidents.close();
			engine.stop();
		});
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("no free port for the embedded engine", e);
		}
	}

	@Override
	public void increaseTime(Duration duration) {
		engine.increaseTime(duration);
	}

}
