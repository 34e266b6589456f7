package io.dunning.escalation;

import java.time.LocalDate;

/**
 * A pause as the task and customer pages show it.
 *
 * @param kind DISPUTE or BLOCK
 * @param invoiceNumber the invoice held; null for a block on the whole customer
 * @param reason a dispute's reason code, or a block's reason as the manager wrote it
 * @param since the day it was raised or set, in the company's zone
 * @param expiresOn a block's expiry; null for a dispute
 */
public record PauseView(String kind, long id, String invoiceNumber, String customerId, String reason, String comment,
		String by, LocalDate since, LocalDate expiresOn) {
}
