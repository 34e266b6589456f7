package io.dunning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.Api;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What the API answers to requests that break it from outside the controllers: all of it RFC 9457 problems. */
class ErrorAnswersTest extends IntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final int MB = 1024 * 1024;

	@Test
	void aJsonBodyOverTwentyMegabytesIsA413ProblemWhetherItsLengthIsAnnouncedOrNot() throws Exception {
		byte[] big = ("[" + "{\"invoiceNumber\":\"BIG\"},".repeat(21 * MB / 24) + "{}]").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> announced = send(post("/api/invoices").POST(HttpRequest.BodyPublishers.ofByteArray(big)));
		HttpResponse<String> chunked = send(post("/api/invoices")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

		for (HttpResponse<String> answer : List.of(announced, chunked)) {
			assertThat(answer.statusCode()).isEqualTo(413);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(JSON.readTree(answer.body()).get("detail").asText()).contains("20 MB");
		}
	}

	@Test
	void aBodyJustUnderTheLimitIsStillRead() throws Exception {
		InputStream padded = new SequenceInputStream(Collections.enumeration(List.of(
				new ByteArrayInputStream(" ".repeat(19 * MB).getBytes(StandardCharsets.US_ASCII)),
				new ByteArrayInputStream("[]".getBytes(StandardCharsets.US_ASCII)))));

		HttpResponse<String> answer = send(post("/api/invoices").POST(HttpRequest.BodyPublishers.ofInputStream(() -> padded)));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("empty array");
	}

	@Test
	void errorAskedForDirectlyIsNotAServerError() throws Exception {
		HttpResponse<String> signedIn = send(get("/error"));
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/error")).GET());

		for (HttpResponse<String> answer : List.of(signedIn, anonymous)) {
			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.body()).doesNotContain("999");
		}
	}

	@Test
	void aValueOfTheWrongJsonTypeIsNamedWithoutJavaTypes() {
		Api.Response answer = as("integrator").post("/api/payments", Map.of("reference", Map.of("a", 1),
				"invoiceNumber", "F-1", "amount", "1.00", "currency", "EUR", "paidOn", "2026-01-01"));

		assertThat(answer.status()).isEqualTo(400);
		JsonNode error = answer.body().get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("reference");
		assertThat(error.get("message").asText()).isEqualTo("must be text");
		assertThat(answer.text()).doesNotContain("java.").doesNotContain("deserialize");
	}

	@Test
	void aUrlTheFirewallRejectsIsA400Problem() throws Exception {
		HttpResponse<String> answer = send(get("/api/invoices/F%2525-1"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(400);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpRequest.Builder get(String path) {
		return authorized(HttpRequest.newBuilder(uri(path))).GET();
	}

	private HttpRequest.Builder post(String path) {
		return authorized(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json");
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return request.header("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString("integrator:demo".getBytes(StandardCharsets.UTF_8)));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
