package io.dunning.channel;

/** Where a ledger row stands. Only SENT is final: any other status lets the next attempt send. */
enum DeliveryStatus {
	SENDING, SENT, FAILED, SKIPPED
}
