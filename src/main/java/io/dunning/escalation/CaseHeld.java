package io.dunning.escalation;

import java.time.Instant;
import java.util.Set;

/**
 * A case's path is held from {@code since} (a dispute, a dunning block): the tasks it had open then wait with it,
 * except those of the hold's own steps ({@code holdSteps}, such as the dispute's resolution). The path starts again
 * at its step when the pause ends, and its tasks open anew.
 */
public record CaseHeld(String invoiceNumber, String by, Instant since, Set<String> holdSteps) {
}
