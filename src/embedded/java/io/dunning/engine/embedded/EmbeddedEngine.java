package io.dunning.engine.embedded;

import java.util.Map;
import java.util.Set;

import io.camunda.zeebe.protocol.record.ValueType;
import io.dunning.engine.EmbeddedEngineStarter;
import io.dunning.engine.EngineTimeControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the embedded engine into the application: the Camunda client, the clock and the incident log reach it here.
 * Found by {@link java.util.ServiceLoader} (META-INF/services), so that the app names no class of this source root.
 */
public final class EmbeddedEngine implements EmbeddedEngineStarter {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

	@Override
	public void startInto(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getProperty("dunning.engine.embedded-port", Integer.class, 0);
		EngineAssembly engine = EngineAssembly.start(port);
		engine.addRecordListener(Set.of(ValueType.INCIDENT), new IncidentTap(context));
		String address = engine.address();
		log.warn("Embedded Zeebe engine started at {} (loopback only). It is for development, demos and tests only "
				+ "(Camunda License 1.0, non-production); its state is thrown away on stop and rebuilt from the database.",
				address);
		// Deployment and everything else must go over gRPC: the embedded engine has no REST API.
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedEngine", Map.of(
				"camunda.client.mode", "self-managed",
				"camunda.client.grpc-address", "http://" + address,
				"camunda.client.rest-address", "http://127.0.0.1:1",
				"camunda.client.prefer-rest-over-grpc", "false")));
		DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
		beans.registerSingleton("embeddedEngine", (EngineTimeControl) engine::increaseTime);
		beans.registerSingleton("engineLog", new EngineLogHealth(engine));
		beans.registerDisposableBean("embeddedEngine", engine::close);
	}

}
