package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.camunda.client.CamundaClient;
import io.dunning.Api;
import io.dunning.BrowserTest;
import io.dunning.audit.CaseHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The collectors' worklist in headless Chromium (Debian's, driven by Playwright without any browser download). Tasks
 * come from the worklist's test diagram, started for invoices due in the future, so no escalation path runs beside.
 */
class WorklistBrowserTest extends BrowserTest {

	private static final String XSS = "<img src=x onerror=alert(1)>";

	@Autowired
	CamundaClient engine;

	@Autowired
	CaseHistory history;

	private final List<String> dialogs = new ArrayList<>();
	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@BeforeEach
	void deployAndDismissDialogs() {
		engine.newDeployResourceCommand()
			.addResourceFromClasspath("worklist/worklist-call.bpmn")
			.addResourceFromClasspath("worklist/worklist-approval.bpmn")
			.send()
			.join();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
	}

	@Test
	void aCollectorCallsACustomerOnceAndCompletesBothInvoicesWithTheFormJsForm() throws Exception {
		String customer = "Quincaillerie Dubois " + run;
		String first = invoiceFor("C-Q" + run, customer, "1250.00", 20);
		String second = invoiceFor("C-Q" + run, customer, "480.50", 25);
		String other = invoiceFor("C-O" + run, "Menuiserie Garnier " + run, "3300.00", 15);
		startCall(first);
		startCall(second);
		startCall(other);
		await().atMost(Duration.ofSeconds(20)).until(() -> openTasksOf(first, second, other) == 3);

		signIn("collector");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My team's tasks")).click();
		page.getByLabel("Customer").fill(run);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();

		Page.LocatorOptions quincaillerie = new Page.LocatorOptions().setHasText(customer);
		assertThat(page.locator("tr.task-line", quincaillerie).locator("td").nth(3).textContent()).isEqualTo("2");
		assertThat(page.locator("tr.task-line").count()).isEqualTo(2);

		// A new task shows without a reload, through the two-second poll.
		String late = invoiceFor("C-L" + run, "Boulangerie Petit " + run, "90.00", 30);
		startCall(late);
		page.locator("tr.task-line", new Page.LocatorOptions().setHasText("Boulangerie Petit " + run))
			.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(6000));
		screenshot("worklist-list.png");

		page.locator("tr.task-line", quincaillerie).locator("a.row-link").click();
		page.getByText("No answer").waitFor();
		assertThat(page.locator("a[href^='tel:']").textContent()).isEqualTo("+33612345678");
		assertThat(page.locator("a[href^='mailto:']").count()).isEqualTo(1);
		page.getByText("No answer").click();
		page.getByLabel("Call note").fill("Messagerie, rappeler jeudi");
		screenshot("worklist-task.png");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete for the ticked invoices")).click();

		page.getByText("Completed for 2 invoice(s).").waitFor();
		// Back on the list the collector came from, with its filters, not on "My tasks".
		assertThat(page.url()).contains("/tasks?view=team").contains("customer=" + run);
		assertThat(openTasksOf(first, second)).isZero();
		for (String number : List.of(first, second)) {
			assertThat(history.of(number)).filteredOn(e -> e.type().equals("TASK_COMPLETED"))
				.singleElement()
				.satisfies(e -> assertThat(e.details()).containsEntry("outcome", "NO_ANSWER"));
		}
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My team's tasks")).click();
		page.getByLabel("Customer").fill(run);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		assertThat(page.locator("tr.task-line", quincaillerie).count()).isZero();
		assertThat(page.locator("tr.task-line").count()).isEqualTo(2);
		assertThat(policyViolations).isEmpty();
	}

	@Test
	void aCustomerNameHoldingMarkupShowsAsTextAndRunsNothing() {
		String number = invoiceFor("C-X" + run, XSS + " " + run, "700.00", 10);
		startCall(number);
		await().atMost(Duration.ofSeconds(20)).until(() -> openTasksOf(number) == 1);

		signIn("collector");
		page.navigate(url("/tasks?view=team&customer=" + run));
		page.getByText(XSS + " " + run).first().waitFor();
		assertThat(page.locator("table.list img").count()).isZero();
		page.locator("tr.task-line a.row-link").click();
		page.getByText("No answer").waitFor();

		assertThat(page.locator("h1").textContent()).contains(XSS);
		assertThat(page.locator("main img").count()).isZero();
		assertThat(dialogs).isEmpty();
		assertThat(policyViolations).isEmpty();
	}

	@Test
	void aCollectorNeverSeesAnotherGroupsTasks() {
		String managers = invoiceFor("C-M" + run, "Transports Leroy " + run, "15000.00", 40);
		startApproval(managers);
		await().atMost(Duration.ofSeconds(20)).until(() -> openTasksOf(managers) == 1);

		signIn("collector");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All tasks")).count()).isZero();
		for (String view : List.of("mine", "team")) {
			page.navigate(url("/tasks?view=" + view + "&customer=" + run));
			assertThat(page.locator("tr.task-line").count()).as(view).isZero();
		}
		assertThat(page.navigate(url("/tasks?view=all")).status()).isEqualTo(403);
		assertThat(page.navigate(url("/tasks/group/Task_ApproveFormalNotice?customer=C-M" + run)).status())
			.isEqualTo(404);
		assertThat(new Api(port, "collector", "demo").get("/api/tasks?invoiceNumber=" + managers).body()).isEmpty();

		signIn("manager");
		page.navigate(url("/tasks?view=all&customer=" + run));
		assertThat(page.locator("tr.task-line").count()).isEqualTo(1);
	}

	/** An invoice due in the future: the product knows it and its customer, and opens no case for it. */
	private String invoiceFor(String customerId, String customerName, String amount, int dueInDays) {
		String number = "BR-" + run + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("invoiceNumber", number);
		invoice.put("customerId", customerId);
		invoice.put("customerName", customerName);
		invoice.put("customerType", "B2B");
		invoice.put("language", "fr");
		invoice.put("email", "compta@example.fr");
		invoice.put("phone", "+33612345678");
		invoice.put("amount", amount);
		invoice.put("currency", "EUR");
		LocalDate due = new io.dunning.Dunning(port).today().plusYears(1).plusDays(dueInDays);
		invoice.put("issueDate", due.minusDays(30).toString());
		invoice.put("dueDate", due.toString());
		Api.Response response = new Api(port, "integrator", "demo").post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	private void startCall(String invoiceNumber) {
		start("Worklist_CourtesyCall", invoiceNumber);
	}

	private void startApproval(String invoiceNumber) {
		start("Worklist_NoticeApproval", invoiceNumber);
	}

	private void start(String process, String invoiceNumber) {
		engine.newCreateInstanceCommand().bpmnProcessId(process).latestVersion()
			.variables(Map.of("invoiceNumber", invoiceNumber)).send().join();
	}

	private int openTasksOf(String... numbers) {
		int open = 0;
		for (String number : numbers) {
			open += new Api(port, "auditor", "demo").get("/api/tasks?state=OPEN&invoiceNumber=" + number).body().size();
		}
		return open;
	}

}
