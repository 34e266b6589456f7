package io.dunning.channel;

import java.io.IOException;
import java.util.Base64;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Attachments;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;

/** Sends email through SendGrid's v3 API. The SDK answers every HTTP error as a response, so the status is checked here. */
final class SendGridEmailGateway implements Gateway {

	private final SendGrid client;

	private final String from;

	private SendGridEmailGateway(SendGrid client, String from) {
		this.client = client;
		this.from = from;
	}

	static SendGridEmailGateway create(SendGridProperties properties) {
		if (properties.from() == null || properties.from().isBlank()) {
			throw new IllegalStateException("dunning.sendgrid.from must be set when SendGrid is configured");
		}
		SendGrid client;
		if (properties.customHost()) {
			// The SDK's test mode is what switches it to plain http.
			client = new SendGrid(properties.apiKey(), true);
			client.setHost(properties.host());
		}
		else {
			client = new SendGrid(properties.apiKey());
		}
		return new SendGridEmailGateway(client, properties.from());
	}

	@Override
	public String provider() {
		return "sendgrid";
	}

	@Override
	public String send(OutboundMessage message) {
		Request request = new Request();
		request.setMethod(Method.POST);
		request.setEndpoint("mail/send");
		try {
			request.setBody(mail(message).build());
			Response response = client.api(request);
			if (response.getStatusCode() < 200 || response.getStatusCode() > 299) {
				throw new DeliveryFailedException(
						"SendGrid answered " + response.getStatusCode() + ": " + response.getBody());
			}
			return response.getHeaders().get("X-Message-Id");
		}
		catch (IOException e) {
			throw new DeliveryFailedException("SendGrid could not be reached: " + e.getMessage(), e);
		}
	}

	private Mail mail(OutboundMessage message) {
		Mail mail = new Mail(new Email(from), message.subject(), new Email(message.recipient()),
				new Content("text/plain", message.body()));
		// Lets the event webhook find the ledger row again.
		mail.addCustomArg("ledgerId", Long.toString(message.ledgerId()));
		for (Attachment attachment : message.attachments()) {
			Attachments file = new Attachments();
			file.setFilename(attachment.filename());
			file.setType(attachment.contentType());
			file.setDisposition("attachment");
			file.setContent(Base64.getEncoder().encodeToString(attachment.content()));
			mail.addAttachments(file);
		}
		return mail;
	}

}
