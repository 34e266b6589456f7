package io.dunning.engine;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one door to the embedded engine. Its implementation lives in the embedded source root
 * ({@code src/embedded}) and is found with {@link java.util.ServiceLoader}: the production build compiles neither
 * that root nor the engine, so it has none, by construction.
 */
public interface EmbeddedEngineStarter {

	/**
	 * Starts the engine and points the Camunda client at it, before the client is built; registers the engine's
	 * {@link EngineTimeControl} and health as beans.
	 */
	void startInto(ConfigurableApplicationContext context);

}
