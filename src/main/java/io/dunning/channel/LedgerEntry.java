package io.dunning.channel;

import java.time.Instant;

/** One delivery ledger row, as the messenger needs it. @param sentAt null until SENT */
record LedgerEntry(long id, DeliveryStatus status, int attempts, Instant sentAt) {

	boolean sent() {
		return status == DeliveryStatus.SENT;
	}

}
