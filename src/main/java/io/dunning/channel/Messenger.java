package io.dunning.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.dunning.channel.ContactRequest.Recipient;
import org.springframework.stereotype.Service;

/**
 * The one entry point for every outbound contact. It holds a customer's contact to its channel's contact hours,
 * writes the delivery ledger row before calling a provider and sends nothing for a (case, step, channel) already sent.
 * It is deliberately not transactional: the provider is called between two short transactions of the ledger, never
 * while a database transaction is open.
 */
@Service
public class Messenger {

	private final DeliveryLedger ledger;

	private final Deliveries deliveries;

	private final TemplateCatalog templates;

	private final Gateways gateways;

	private final ContactHours hours;

	private final Clock clock;

	Messenger(DeliveryLedger ledger, Deliveries deliveries, TemplateCatalog templates, Gateways gateways,
			ContactHours hours, Clock clock) {
		this.ledger = ledger;
		this.deliveries = deliveries;
		this.templates = templates;
		this.gateways = gateways;
		this.hours = hours;
		this.clock = clock;
	}

	/**
	 * Sends a customer the contact once, within its channel's contact hours. A repeated request for a sent (case,
	 * step, channel) sends nothing and answers the first sending. A recipient with no address on the channel is
	 * recorded as skipped, with no sending and no error.
	 *
	 * @throws ContactHeldException outside the contact hours: nothing was sent, the history says until when it waits
	 * @throws DeliveryFailedException when the provider failed; the next attempt may send again
	 * @throws IllegalArgumentException when the template is unknown or lacks a value, before anything is recorded
	 */
	public Delivery send(ContactRequest request) {
		return contact(request, true);
	}

	/**
	 * Sends a message to the company's own staff (a manager's notification), once, like {@link #send}: it is no
	 * contact with a customer, so the contact hours do not hold it.
	 */
	public Delivery notifyStaff(ContactRequest request) {
		return contact(request, false);
	}

	private Delivery contact(ContactRequest request, boolean withinContactHours) {
		String recipient = address(request.channel(), request.recipient());
		if (recipient == null) {
			return ledger.skipped(request, "no " + addressName(request.channel()) + " for " + request.recipient().name());
		}
		RenderedMessage message = templates.render(request);
		if (withinContactHours) {
			Instant now = clock.instant();
			Optional<ContactHours.Hold> hold = hours.holdOf(request.channel(), now, request.contactTime());
			if (hold.isPresent()) {
				Instant until = hold.get().until().toInstant();
				return ledger.held(request, hold.get()).orElseThrow(() -> new ContactHeldException(request.channel()
						+ " " + request.step() + " of invoice " + request.invoice().invoiceNumber() + " held until "
						+ hold.get().until() + " (" + hold.get().reason() + ")", until, Duration.between(now, until)));
			}
		}
		return deliver(request, recipient, message);
	}

	private Delivery deliver(ContactRequest request, String recipient, RenderedMessage message) {
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
