package io.dunning.escalation.pause;

/** Why a customer disputes an invoice. */
public enum DisputeReason {
	QUALITY, DELIVERY, PRICE, ALREADY_PAID, OTHER
}
