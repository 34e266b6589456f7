package io.dunning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The public HTTP API as a user sees it: Basic auth with the demo password. */
public final class Api {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;
	private final String user;
	private final String password;

	Api(int port, String user) {
		this(port, user, "demo");
	}

	public Api(int port, String user, String password) {
		this.port = port;
		this.user = user;
		this.password = password;
	}

	public record Response(int status, String contentType, JsonNode body, String text) {
	}

	public Response get(String path) {
		return send(request(path).GET().build());
	}

	public Response post(String path, Object body) {
		try {
			String json = body instanceof String s ? s : JSON.writeValueAsString(body);
			return send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)).build());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public Response delete(String path) {
		return send(request(path).DELETE().build());
	}

	public Response upload(String path, String filename, byte[] content) {
		String boundary = "b" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	private HttpRequest.Builder request(String path) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials);
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			String type = response.headers().firstValue("Content-Type").orElse("");
			JsonNode body = response.body().isBlank() || !type.contains("json") ? null : JSON.readTree(response.body());
			return new Response(response.statusCode(), type, body, response.body());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
