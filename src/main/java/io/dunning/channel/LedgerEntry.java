package io.dunning.channel;

import java.time.Instant;

/**
 * One delivery ledger row, as the messenger needs it.
 *
 * @param attempts 0 for a row just created
 * @param sentAt null until SENT
 */
record LedgerEntry(long id, DeliveryStatus status, int attempts, Instant updatedAt, Instant sentAt) {

	boolean sent() {
		return status == DeliveryStatus.SENT;
	}

	boolean inFlight() {
		return status == DeliveryStatus.SENDING && attempts > 0;
	}

}
