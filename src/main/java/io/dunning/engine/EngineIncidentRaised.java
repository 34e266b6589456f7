package io.dunning.engine;

/**
 * The engine raised an incident: a job's retries ran out, or an element's data could not be mapped. Published by
 * the embedded engine, which sees its own incident records; {@code jobKey} is null when no job is involved.
 */
public record EngineIncidentRaised(long incidentKey, Long jobKey, long processInstanceKey, String elementId,
		String message) {
}
