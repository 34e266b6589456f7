package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.camunda.client.CamundaClient;
import io.dunning.BrowserTest;
import io.dunning.escalation.PlanAgreed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's invoices, promises and plans in headless Chromium: on the task page, on the customer page and on the
 * promises page, in English and in French. One customer owes five overdue invoices: a promise on the first was kept,
 * one on the second broken, the third is on a plan with its first instalment paid, and the last two wait for a call.
 */
class CustomerBrowserTest extends BrowserTest {

	@Autowired
	CamundaClient engine;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Test
	void aCollectorReadsTheCustomersInvoicesPromisesAndPlansOnTheTaskCustomerAndPromisesPages() throws Exception {
		CustomerFixture customer = new CustomerFixture(port, engine, "C-AM" + run, "Atelier Moreau " + run);
		String kept = customer.invoice("1250.00", -35);
		String broken = customer.invoice("480.50", -28);
		String onPlan = customer.invoice("2400.00", -20);
		String first = customer.invoice("310.00", -12);
		String second = customer.invoice("95.00", -5);
		customer.promise(kept, customer.today().plusDays(1));
		customer.promise(broken, customer.today().plusDays(1));
		customer.pay(kept, "1250.00");
		customer.dunning().advance("P4D");
		LocalDate planStart = customer.today().plusDays(6);
		transaction.executeWithoutResult(status -> events.publishEvent(new PlanAgreed(onPlan, new BigDecimal("2400.00"),
				List.of(new PlanAgreed.Due(1, planStart, new BigDecimal("800.00"), new BigDecimal("800.00")),
						new PlanAgreed.Due(2, planStart.plusMonths(1), new BigDecimal("800.00"), new BigDecimal("1600.00")),
						new PlanAgreed.Due(3, planStart.plusMonths(2), new BigDecimal("800.00"), new BigDecimal("2400.00"))))));
		customer.awaitPage("collector", "/customers/" + customer.id, "en", "Payment plan");
		customer.pay(onPlan, "800.00");
		customer.call(first);
		customer.call(second);
		customer.awaitPage("collector", "/customers/" + customer.id, "en", "1 kept", "1 broken", "1 open", "met");

		signIn("collector");
		page.navigate(url("/tasks?view=team&customer=" + run));
		page.locator("tr.task-line a.row-link").click();
		page.getByText("No answer").waitFor();
		Locator invoices = page.locator("section[aria-labelledby=h-open-invoices]");
		assertThat(invoices.locator("tbody tr").allTextContents()).hasSize(4);
		assertThat(invoices.textContent()).contains(broken, onPlan, first, second).doesNotContain(kept)
			.contains("€1,600.00").contains("€2,485.50");
		Locator promises = page.locator("section[aria-labelledby=h-promises]");
		assertThat(promises.locator("[data-promise-counts]").textContent()).contains("1 kept", "1 broken", "1 open");
		assertThat(promises.locator("li.promise").allTextContents()).hasSize(3);
		assertThat(promises.locator("table.instalments tbody tr").allTextContents().stream()
			.map(text -> text.replaceAll("\\s+", " ").strip()).toList())
			.containsExactly(row(1, planStart, "met"), row(2, planStart.plusMonths(1), "to come"),
					row(3, planStart.plusMonths(2), "to come"));
		screenshot("worklist-task-context.png");

		page.locator("dl.facts").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(customer.name)).click();
		page.locator("h1", new Page.LocatorOptions().setHasText("Customer")).waitFor();
		assertThat(page.locator("a[href='tel:+33612345678']").count()).isEqualTo(1);
		assertThat(page.locator("a[href^='mailto:compta@']").count()).isEqualTo(1);
		assertThat(page.locator("[data-promise-counts]").textContent()).contains("1 kept", "1 broken", "1 open");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Courtesy call")).count())
			.isEqualTo(1);
		screenshot("customer-en.png");
		page.navigate(page.url() + "?lang=fr");
		page.getByText("Factures ouvertes du client").waitFor();
		assertThat(page.locator("[data-promise-counts]").textContent()).contains("1 tenue", "1 rompue", "1 en cours");
		assertThat(page.locator("table.instalments").textContent()).contains("payée", "à venir");
		screenshot("customer-fr.png");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Promesses et échéanciers")).click();
		page.getByLabel("État").selectOption("broken");
		page.getByLabel("Client").fill(run);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
		page.locator("tr.promise-line").first().waitFor();
		assertThat(page.locator("tr.promise-line").allTextContents()).singleElement()
			.satisfies(line -> assertThat(line).contains(broken).contains("rompue"));
		screenshot("promises-fr.png");
		page.navigate(url("/promises?lang=en&customer=" + run));
		assertThat(page.locator("tr.promise-line").allTextContents()).hasSize(3);
		assertThat(page.locator("tr.promise-line").allTextContents()).anySatisfy(line -> assertThat(line)
			.contains(onPlan).contains("Payment plan").contains("3 instalments").contains("open"));
		screenshot("promises-en.png");
		assertThat(policyViolations).isEmpty();
	}

	private static String row(int number, LocalDate due, String state) {
		return number + " " + String.format("%02d/%02d/%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear())
				+ " €800.00 " + state;
	}

}
