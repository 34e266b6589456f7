package io.dunning.escalation.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** POSTs each dossier as JSON, the notice's PDF in Base64, with an idempotency key per invoice. */
final class DossierWebhook implements DossierTarget {

	private final URI webhook;
	private final ObjectMapper json;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	DossierWebhook(URI webhook, ObjectMapper json) {
		this.webhook = webhook;
		this.json = json;
	}

	@Override
	public String deliver(String invoiceNumber, Map<String, Object> dossier, byte[] noticePdf) {
		Map<String, Object> body = new LinkedHashMap<>(dossier);
		body.put("noticePdfBase64", Base64.getEncoder().encodeToString(noticePdf));
		try {
			HttpRequest request = HttpRequest.newBuilder(webhook)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", "handoff-" + invoiceNumber)
				.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("the handoff webhook answered " + response.statusCode());
			}
			return webhook.toString();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the handoff webhook is unreachable", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

}
