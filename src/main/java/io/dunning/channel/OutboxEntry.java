package io.dunning.channel;

import java.time.Instant;

/** A message kept in the outbox, as {@code GET /api/outbox} shows it. */
record OutboxEntry(Channel channel, String recipient, String subject, String body, String invoiceNumber, String step,
		Instant createdAt) {
}
