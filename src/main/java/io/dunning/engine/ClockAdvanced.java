package io.dunning.engine;

import java.time.Instant;

/** The clock jumped forward: time-based checks such as overdue detection should look again. */
public record ClockAdvanced(Instant now) {
}
