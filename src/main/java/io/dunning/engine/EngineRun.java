package io.dunning.engine;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Names the engine that holds this JVM's process instances. The embedded engine keeps nothing across
 * restarts and reuses instance keys, so each start is a new run; a remote cluster is one run for ever.
 */
@Component
public class EngineRun {

	private final String id;

	EngineRun(EngineProperties properties) {
		this.id = properties.mode() == EngineMode.EMBEDDED ? "embedded-" + UUID.randomUUID() : "remote";
	}

	public String id() {
		return id;
	}

}
