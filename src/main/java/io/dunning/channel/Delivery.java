package io.dunning.channel;

import java.time.Instant;

/**
 * The ledger's answer to a contact request.
 *
 * @param ledgerId the delivery ledger row
 * @param sentAt when the message left (the first time, for a repeated request)
 * @param repeated true when the ledger already held this (case, step, channel) as sent, so nothing was sent now
 */
public record Delivery(long ledgerId, Instant sentAt, boolean repeated) {
}
