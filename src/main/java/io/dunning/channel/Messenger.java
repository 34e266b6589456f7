package io.dunning.channel;

import io.dunning.channel.ContactRequest.Recipient;
import org.springframework.stereotype.Service;

/**
 * The one entry point for every outbound contact. It writes the delivery ledger row before calling a provider and
 * sends nothing for a (case, step, channel) already sent. It is deliberately not transactional: the provider is
 * called between two short transactions of the ledger, never while a database transaction is open.
 */
@Service
public class Messenger {

	private final DeliveryLedger ledger;

	private final Deliveries deliveries;

	private final TemplateCatalog templates;

	private final Gateways gateways;

	Messenger(DeliveryLedger ledger, Deliveries deliveries, TemplateCatalog templates, Gateways gateways) {
		this.ledger = ledger;
		this.deliveries = deliveries;
		this.templates = templates;
		this.gateways = gateways;
	}

	/**
	 * Sends the contact once. A repeated request for a sent (case, step, channel) sends nothing and answers the first
	 * sending. A recipient with no address on the channel is recorded as skipped, with no sending and no error.
	 *
	 * @throws DeliveryFailedException when the provider failed; the next attempt may send again
	 * @throws IllegalArgumentException when the template is unknown or lacks a value, before anything is recorded
	 */
	public Delivery send(ContactRequest request) {
		String recipient = address(request.channel(), request.recipient());
		if (recipient == null) {
			return ledger.skipped(request, "no " + addressName(request.channel()) + " for " + request.recipient().name());
		}
		RenderedMessage message = templates.render(request);
		LedgerEntry entry = ledger.open(request, recipient);
		if (entry.sent()) {
			return new Delivery(entry.id(), entry.sentAt(), true);
		}
		Gateway gateway = gateways.of(request.channel());
		String providerMessageId;
		try {
			providerMessageId = gateway.send(new OutboundMessage(entry.id(), request.channel(), recipient,
					message.subject(), message.body(), request.attachments(), request.invoice().invoiceNumber(),
					request.step()));
		}
		catch (RuntimeException e) {
			ledger.failed(entry.id(), e.getMessage());
			throw e instanceof DeliveryFailedException failure ? failure
					: new DeliveryFailedException(gateway.provider() + " failed: " + e.getMessage(), e);
		}
		// Should this commit fail, the row stays SENDING and a retry sends again: at least once, never silently lost.
		return new Delivery(entry.id(), ledger.sent(entry.id(), request, recipient, gateway.provider(), providerMessageId),
				false);
	}

	/** True once any contact of this (case, step) has gone out, or may have: a provider call may be under way. */
	public boolean anyAttempted(long caseId, String step) {
		return deliveries.anyAttempted(caseId, step);
	}

	private static String address(Channel channel, Recipient recipient) {
		String address = switch (channel) {
			case EMAIL -> recipient.email();
			case SMS -> recipient.phone();
			case LETTER -> recipient.name();
		};
		return address == null || address.isBlank() ? null : address.strip();
	}

	private static String addressName(Channel channel) {
		return switch (channel) {
			case EMAIL -> "email address";
			case SMS -> "phone number";
			case LETTER -> "addressee";
		};
	}

}
