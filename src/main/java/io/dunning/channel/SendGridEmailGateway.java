package io.dunning.channel;

import java.io.IOException;
import java.util.Base64;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Attachments;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/** Sends email through SendGrid's v3 API. The SDK answers every HTTP error as a response, so the status is checked here. */
final class SendGridEmailGateway implements Gateway {

	private final SendGrid client;

	private final String from;

	private SendGridEmailGateway(SendGrid client, String from) {
		this.client = client;
		this.from = from;
	}

	static SendGridEmailGateway create(SendGridProperties properties, ChannelProperties.ProviderTimeouts timeouts) {
		if (properties.from() == null || properties.from().isBlank()) {
			throw new IllegalStateException("dunning.sendgrid.from must be set when SendGrid is configured");
		}
		// The SDK's own HTTP client waits for ever: a hung call would outlive the ledger's in-flight guard.
		CloseableHttpClient http = HttpClients.custom()
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectTimeout(Math.toIntExact(timeouts.connect().toMillis()))
				.setConnectionRequestTimeout(Math.toIntExact(timeouts.connect().toMillis()))
				.setSocketTimeout(Math.toIntExact(timeouts.read().toMillis()))
				.build())
			.disableAutomaticRetries()
			.build();
		// The SDK's test mode is what switches it to plain http.
		SendGrid client = new SendGrid(properties.apiKey(), new Client(http, properties.customHost()));
		if (properties.customHost()) {
			client.setHost(properties.host());
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
