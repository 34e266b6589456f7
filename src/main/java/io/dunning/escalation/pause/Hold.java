package io.dunning.escalation.pause;

import java.time.Instant;

/** A case's path held by one or more pauses since {@code heldSince}; it resumes at {@code resumeStep}. */
record Hold(long id, String invoiceNumber, String resumeStep, Instant heldSince) {
}
