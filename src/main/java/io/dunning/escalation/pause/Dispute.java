package io.dunning.escalation.pause;

import java.time.Instant;

/** A customer's dispute of an invoice; open while {@code resolution} is null. */
record Dispute(long id, String invoiceNumber, DisputeReason reason, String comment, String raisedBy, Instant raisedAt,
		String resolution) {
}
