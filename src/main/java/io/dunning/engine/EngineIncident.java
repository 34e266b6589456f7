package io.dunning.engine;

import java.time.Instant;

/** A case stopped in the engine until someone retries it, as the managers' list shows it. */
public record EngineIncident(long id, Long jobKey, Long incidentKey, long processInstanceKey, String elementId,
		String invoiceNumber, String message, Instant raisedAt) {
}
