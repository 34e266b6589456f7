package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.dunning.Api;
import io.dunning.Dunning;

/**
 * One customer of a test, with invoices, calls from the worklist's test diagram, promises taken through the API and
 * payments, and its pages read as a signed-in user in a given language.
 */
final class CustomerFixture {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	final String id;
	final String name;
	private final int port;
	private final CamundaClient engine;
	private final Dunning dunning;

	CustomerFixture(int port, CamundaClient engine, String id, String name) {
		this.port = port;
		this.engine = engine;
		this.id = id;
		this.name = name;
		this.dunning = new Dunning(port);
		engine.newDeployResourceCommand().addResourceFromClasspath("worklist/worklist-call.bpmn").send().join();
	}

	/** An invoice of this customer, due {@code dueInDays} from the application's today (negative: overdue). */
	String invoice(String amount, int dueInDays) {
		String number = "CU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("invoiceNumber", number);
		invoice.put("customerId", id);
		invoice.put("customerName", name);
		invoice.put("customerType", "B2B");
		invoice.put("language", "fr");
		invoice.put("email", "compta@" + id.toLowerCase() + ".example.fr");
		invoice.put("phone", "+33612345678");
		invoice.put("amount", amount);
		invoice.put("currency", "EUR");
		LocalDate due = dunning.today().plusDays(dueInDays);
		invoice.put("issueDate", due.minusDays(30).toString());
		invoice.put("dueDate", due.toString());
		Api.Response response = dunning.as("integrator").post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	/** A courtesy call on the invoice, from the worklist's test diagram; returns the open task. */
	JsonNode call(String invoiceNumber) {
		engine.newCreateInstanceCommand().bpmnProcessId("Worklist_CourtesyCall").latestVersion()
			.variables(Map.of("invoiceNumber", invoiceNumber)).send().join();
		return dunning.awaitOpenTask(invoiceNumber, "Task_CourtesyCall");
	}

	/** The collector takes a promise to pay by this date on the invoice's call. */
	void promise(String invoiceNumber, LocalDate promisedDate) {
		dunning.complete("collector", call(invoiceNumber),
				Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", promisedDate.toString()));
	}

	void pay(String invoiceNumber, String amount) {
		dunning.pay(invoiceNumber, amount);
	}

	LocalDate today() {
		return dunning.today();
	}

	Dunning dunning() {
		return dunning;
	}

	/** A page as this user reads it in this language (HTTP Basic, which the pages accept too). */
	HttpResponse<String> page(String user, String path, String language) {
		String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + credentials).header("Accept-Language", language).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	String awaitPage(String user, String path, String language, String... texts) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> page(user, path, language).body(),
				body -> java.util.Arrays.stream(texts).allMatch(body::contains));
	}

}
