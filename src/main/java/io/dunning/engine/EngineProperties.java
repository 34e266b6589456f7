package io.dunning.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("dunning.engine")
public record EngineProperties(EngineMode mode) {

	public EngineProperties {
		mode = mode == null ? EngineMode.EMBEDDED : mode;
	}

}
