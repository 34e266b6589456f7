package io.dunning.channel;

/** Hands a message to whoever carries it: a provider, or the outbox. */
interface Gateway {

	/** A short name for the ledger and the history, such as {@code sendgrid}. */
	String provider();

	/**
	 * @return the provider's id for the message, if it gives one
	 * @throws DeliveryFailedException when the provider refused the message or could not be reached
	 */
	String send(OutboundMessage message);

}
