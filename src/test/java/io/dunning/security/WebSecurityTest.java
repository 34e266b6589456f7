package io.dunning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.dunning.Api;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;

class WebSecurityTest extends IntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void theLoginPageNamesTheIconAndItIsServedBeforeSigningIn() throws Exception {
		HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> icon = HTTP.send(HttpRequest.newBuilder(uri("/favicon.svg")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(login.body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">")
			.contains("<code>senior</code>");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("image/svg+xml"));
	}

	@Test
	void aWrongPasswordIsA401ProblemNotSpringsDefault() {
		Api.Response response = new Api(port, "nobody", "wrong").get("/api/tasks");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("title").asText()).isEqualTo("Unauthorized");
	}

	@Test
	void aRoleThatMayNotIsA403Problem() {
		Api.Response response = as("collector").get("/api/outbox");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("status").asInt()).isEqualTo(403);
	}

	@Test
	void aCrossSiteMultipartImportWithCachedBasicCredentialsIsRefusedAndImportsNothing() throws Exception {
		String number = "XS-" + System.nanoTime();
		String csv = "invoiceNumber,customerId,customerName,customerType,language,email,phone,amount,currency,"
				+ "issueDate,dueDate\n" + number + ",C-XS,Evil,B2B,fr,a@b.fr,+33612345678,10.00,EUR,2026-01-01,"
				+ "2026-01-31\n";
		String boundary = "x7";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"i.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/invoices/import"))
			.header("Authorization", basic("integrator", "demo"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Origin", "https://attacker.example")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(as("integrator").get("/api/invoices/" + number).status()).isEqualTo(404);
	}

	@Test
	void aSameOriginOrNonBrowserStateChangeStillWorks() throws Exception {
		HttpResponse<String> sameOrigin = HTTP.send(HttpRequest.newBuilder(uri("/api/admin/clock/advance"))
			.header("Authorization", basic("admin", "demo"))
			.header("Content-Type", "application/json")
			.header("Origin", "http://localhost:" + port)
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.ofString("{\"duration\":\"PT0S\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(sameOrigin.statusCode()).isEqualTo(200);
		assertThat(as("admin").post("/api/admin/clock/advance", "{\"duration\":\"PT0S\"}").status()).isEqualTo(200);
	}

	@Test
	void repeatedWrongPasswordsLockTheUserOutEvenWithTheRightOne() {
		assertThat(new Api(port, "throttled", "right-password").get("/api/tasks").status()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(new Api(port, "throttled", "guess-" + i).get("/api/tasks").status()).isEqualTo(401);
		}

		Api.Response locked = new Api(port, "throttled", "right-password").get("/api/tasks");

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theAddressLimitLocksEveryNameFromThatAddress() {
		LoginThrottle throttle = new LoginThrottle(5, 3, java.time.Duration.ofMinutes(15));
		throttle.failed("a", "203.0.113.9");
		throttle.failed("b", "203.0.113.9");
		assertThat(throttle.isLocked("c", "203.0.113.9")).isFalse();

		throttle.failed("c", "203.0.113.9");

		assertThat(throttle.isLocked("d", "203.0.113.9")).isTrue();
		assertThat(throttle.isLocked("d", "198.51.100.1")).isFalse();
	}

	@Test
	void theLoginPageSendsAStrictScriptPolicyASameSiteSessionCookieAndTheDemoHint() throws Exception {
		HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(login.statusCode()).isEqualTo(200);
		String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'");
		assertThat(csp.replaceFirst(".*script-src ([^;]*).*", "$1")).doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
		assertThat(login.body()).contains("<code>collector</code>").doesNotContain("<script>");
	}

	@Test
	void theOpenApiDescriptionIsNamedAndDeclaresHttpBasic() {
		Api.Response docs = as("integrator").get("/v3/api-docs");

		assertThat(docs.body().at("/info/title").asText()).isEqualTo("Dunning orchestrator API");
		assertThat(docs.body().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
		assertThat(docs.body().at("/security/0").has("basic")).isTrue();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
