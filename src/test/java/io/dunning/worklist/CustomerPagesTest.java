package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer page, the task page's customer context and the forms' language, over plain HTTP. */
class CustomerPagesTest extends IntegrationTest {

	@Autowired
	CamundaClient engine;

	@Autowired
	ObjectMapper json;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	private CustomerFixture customer;

	@BeforeEach
	void customer() {
		customer = new CustomerFixture(port, engine, "C-CP" + run, "Garage Lefèvre " + run);
	}

	@Test
	void theCustomerPageShowsDetailsOpenInvoicesWithBalancesAndPromisesInBothLanguages() {
		String partlyPaid = customer.invoice("1200.00", 20);
		String owed = customer.invoice("80.00", 40);
		String paid = customer.invoice("55.00", 30);
		String cancelled = customer.invoice("70.00", 30);
		customer.pay(partlyPaid, "200.00");
		customer.pay(paid, "55.00");
		assertThat(customer.dunning().as("integrator").post("/api/invoices/" + cancelled + "/cancel",
				java.util.Map.of("reason", "Avoir")).status()).isEqualTo(200);
		customer.promise(owed, customer.today().plusDays(5));

		String english = customer.page("collector", "/customers/" + customer.id, "en").body();
		assertThat(english).contains("Garage Lefèvre " + run)
			.contains("href=\"tel:+33612345678\"")
			.contains("href=\"mailto:compta@" + customer.id.toLowerCase() + ".example.fr\"")
			.contains(partlyPaid).contains("€1,000.00").contains(owed).contains("€80.00")
			.contains("€1,080.00")
			.doesNotContain(paid).doesNotContain(cancelled)
			.contains("Promise to pay").contains("0 kept").contains("0 broken").contains("1 open")
			.contains("Open invoices of the customer");
		String french = customer.page("manager", "/customers/" + customer.id, "fr-FR,fr;q=0.9").body();
		assertThat(french).contains("Factures ouvertes du client").contains("Promesse de paiement")
			.contains("1 en cours").contains("Coordonnées");
	}

	@Test
	void theTaskPageShowsTheCustomersOpenInvoicesAndPromisesAndLinksTheCustomerPage() {
		String promised = customer.invoice("300.00", 20);
		String called = customer.invoice("450.00", 25);
		customer.promise(promised, customer.today().plusDays(3));
		customer.call(called);

		String list = customer.page("collector", "/tasks?view=team&customer=" + run, "en").body();
		assertThat(list).contains("href=\"/customers/" + customer.id + "\"");
		String task = customer.page("collector", "/tasks/group/Task_CourtesyCall?customer=" + customer.id, "en").body();
		assertThat(task).contains("href=\"/customers/" + customer.id + "\"")
			.contains("Open invoices of the customer").contains(promised).contains(called)
			.contains("€750.00")
			.contains("Promises and plans").contains("1 open");
	}

	@Test
	void anUnknownCustomerIsNotFoundAndAuditorsDoNotReadTheCollectorsPages() {
		assertThat(customer.page("collector", "/customers/nobody-" + run, "en").statusCode()).isEqualTo(404);
		assertThat(customer.page("auditor", "/customers/" + customer.id, "en").statusCode()).isEqualTo(403);
		assertThat(customer.page("auditor", "/promises", "en").statusCode()).isEqualTo(403);
		assertThat(customer.page("collector", "/promises", "en").body()).contains("Promises and plans");
	}

	@Test
	void aFormSpeaksThePagesLanguageAndKeepsItsKeysValuesAndRules() throws Exception {
		JsonNode english = json.readTree(customer.page("collector", "/forms/courtesy-call", "en").body());
		JsonNode french = json.readTree(customer.page("collector", "/forms/courtesy-call", "fr-FR,fr;q=0.9").body());

		assertThat(outcome(english).get("label").asText()).isEqualTo("Outcome of the call");
		assertThat(outcome(english).get("values").findValuesAsText("label")).contains("No answer", "Promise to pay");
		assertThat(english.toString()).doesNotContain("Pas de réponse");
		assertThat(outcome(french).get("label").asText()).isEqualTo("Issue de l'appel");
		assertThat(outcome(french).get("values").findValuesAsText("label")).contains("Pas de réponse");
		for (JsonNode form : new JsonNode[] { english, french }) {
			assertThat(outcome(form).get("key").asText()).isEqualTo("outcome");
			assertThat(outcome(form).get("values").findValuesAsText("value"))
				.containsExactly("PROMISE_TO_PAY", "PLAN_REQUESTED", "NO_ANSWER", "REFUSED", "DISPUTED");
			assertThat(outcome(form).at("/validate/required").asBoolean()).isTrue();
		}
		assertThat(customer.page("collector", "/forms/courtesy-call", "en").headers().firstValue("Vary"))
			.hasValueSatisfying(vary -> assertThat(vary).contains("Accept-Language"));
	}

	private static JsonNode outcome(JsonNode form) {
		for (JsonNode component : form.get("components")) {
			if ("Field_Outcome".equals(component.path("id").asText())) {
				return component;
			}
		}
		throw new AssertionError("no Field_Outcome in " + form);
	}

}
