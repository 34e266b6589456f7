package io.dunning.audit;

import java.time.Instant;
import java.util.Map;

/** One event in a case's life, as the auditor reads it. */
public record HistoryEntry(Instant at, String type, String elementId, String actor, Map<String, Object> details) {
}
