package io.dunning.engine;

import java.util.ServiceLoader;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the in-process engine before the Camunda client is built, when the mode is embedded. It knows the engine
 * only as an {@link EmbeddedEngineStarter}: a jar built without the embedded engine (-Pproduction) has none, and
 * refuses the embedded mode with a message saying what to set instead.
 */
public class EngineModeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String mode = context.getEnvironment().getProperty("dunning.engine.mode", "embedded");
		if (!"embedded".equalsIgnoreCase(mode)) {
			return;
		}
		EmbeddedEngineStarter starter = ServiceLoader.load(EmbeddedEngineStarter.class, context.getClassLoader())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("This jar was built without the embedded engine "
					+ "(-Pproduction). Set DUNNING_ENGINE_MODE=remote and the camunda.client.* properties of your "
					+ "cluster."));
		starter.startInto(context);
	}

}
