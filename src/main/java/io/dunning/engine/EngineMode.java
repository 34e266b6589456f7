package io.dunning.engine;

public enum EngineMode {

	/** An in-process Zeebe engine: development, demos and tests only (Camunda License 1.0, non-production). */
	EMBEDDED,

	/** A Camunda 8 cluster reached through the standard {@code camunda.client.*} properties. */
	REMOTE

}
