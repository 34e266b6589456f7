package io.dunning.channel;

import java.util.List;

/**
 * A rendered message on its way to a gateway.
 *
 * @param recipient an email address, a phone number, or the addressee's name for a letter
 * @param subject null for an SMS
 */
record OutboundMessage(long ledgerId, Channel channel, String recipient, String subject, String body,
		List<Attachment> attachments, String invoiceNumber, String step) {

	OutboundMessage {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

}
