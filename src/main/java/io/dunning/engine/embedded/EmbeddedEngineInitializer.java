package io.dunning.engine.embedded;

import java.lang.reflect.InvocationTargetException;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Starts the in-process engine before the Camunda client is built, when the mode is embedded. This class
 * touches no engine class itself and reaches {@code EmbeddedEngine} by name: the production build (-Pproduction)
 * compiles neither that class nor the engine, and still loads this one.
 */
public class EmbeddedEngineInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String ENGINE_FACTORY = "io.camunda.zeebe.process.test.engine.EngineFactory";

	static final String EMBEDDED_ENGINE = "io.dunning.engine.embedded.EmbeddedEngine";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String mode = context.getEnvironment().getProperty("dunning.engine.mode", "embedded");
		if (!"embedded".equalsIgnoreCase(mode)) {
			return;
		}
		if (!ClassUtils.isPresent(ENGINE_FACTORY, context.getClassLoader())
				|| !ClassUtils.isPresent(EMBEDDED_ENGINE, context.getClassLoader())) {
			throw new IllegalStateException("This jar was built without the embedded engine (-Pproduction). "
					+ "Set DUNNING_ENGINE_MODE=remote and the camunda.client.* properties of your cluster.");
		}
		try {
			ClassUtils.forName(EMBEDDED_ENGINE, context.getClassLoader())
				.getDeclaredMethod("startInto", ConfigurableApplicationContext.class)
				.invoke(null, context);
		}
		catch (InvocationTargetException e) {
			throw new IllegalStateException("The embedded engine did not start", e.getCause());
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("The embedded engine cannot be loaded", e);
		}
	}

}
