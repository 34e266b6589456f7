package io.dunning.engine.embedded;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Starts the in-process engine before the Camunda client is built, when the mode is embedded. This class
 * touches no engine class itself, so a jar built without the engine (-Pproduction) still loads it.
 */
public class EmbeddedEngineInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String ENGINE_FACTORY = "io.camunda.zeebe.process.test.engine.EngineFactory";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String mode = context.getEnvironment().getProperty("dunning.engine.mode", "embedded");
		if (!"embedded".equalsIgnoreCase(mode)) {
			return;
		}
		if (!ClassUtils.isPresent(ENGINE_FACTORY, context.getClassLoader())) {
			throw new IllegalStateException("This jar was built without the embedded engine (-Pproduction). "
					+ "Set DUNNING_ENGINE_MODE=remote and the camunda.client.* properties of your cluster.");
		}
		EmbeddedEngine.startInto(context);
	}

}
