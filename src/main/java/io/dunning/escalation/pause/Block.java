package io.dunning.escalation.pause;

import java.time.Instant;
import java.time.LocalDate;

/** A manager's block of dunning, on one invoice or on all of a customer's, until {@code expiresOn} or its lifting. */
public record Block(long id, String invoiceNumber, String customerId, String reason, LocalDate expiresOn,
		String createdBy, Instant createdAt) {
}
