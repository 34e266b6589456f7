package io.dunning.escalation.pause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.dunning.BrowserTest;
import io.dunning.Dunning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A manager's day with disputes and blocks, in headless Chromium: the blocks page and the dispute's task page. */
class PauseBrowserTest extends BrowserTest {

	private Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void aManagerBlocksAnInvoiceOnThePageAndOpensADisputeToResolve() throws Exception {
		String blocked = dunning.overdueInvoice("BLOCKPAGE", 4, "640.00");
		String disputed = dunning.overdueInvoice("DISPUTEPAGE", 4, "1250.00");
		dunning.awaitStep(disputed, "Timer_FormalReminderDue");
		assertThat(dunning.as("integrator").post("/api/invoices/" + disputed + "/disputes",
				Map.of("reason", "DELIVERY", "comment", "Colis jamais reçu")).status()).isEqualTo(201);
		dunning.awaitOpenTask(disputed, "Task_ResolveDispute");

		signIn("manager");
		page.navigate(url("/blocks"));
		page.getByLabel("Invoice").fill(blocked);
		page.getByLabel("Reason").fill("Customer in talks with our sales director");
		page.getByLabel("Until").fill(dunning.today().plusDays(20).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block dunning")).click();
		Locator row = page.locator("table.list tbody tr").filter(new Locator.FilterOptions().setHasText(blocked));
		row.waitFor();
		assertThat(row.textContent()).contains("Customer in talks with our sales director", "manager");
		screenshot("blocks.png");

		page.navigate(url("/tasks?view=all&step=Task_ResolveDispute&customer=" + disputed));
		page.locator("tr.task-line a.row-link").first().click();
		page.getByText("Colis jamais reçu").first().waitFor();
		page.locator("form.fjs-form, .fjs-container").first().waitFor();
		screenshot("dispute-resolution.png");

		assertThat(policyViolations).isEmpty();
	}

	@Test
	void aManagerBlocksACustomerTypedByNameAndLiftingAsksFirst() throws Exception {
		String run = Dunning.newInvoiceNumber("LEF").substring(4);
		String name = "Brasserie Lefèvre " + run;
		String number = Dunning.newInvoiceNumber("BLOCKNAME");
		Map<String, Object> invoice = new HashMap<>(dunning.invoice(number, dunning.today().minusDays(4), "480.00", "B2B"));
		invoice.put("customerName", name);
		assertThat(dunning.as("integrator").post("/api/invoices", invoice).status()).isEqualTo(200);
		dunning.awaitStep(number, "Timer_FormalReminderDue");

		signIn("manager");
		page.navigate(url("/blocks"));
		// As a person remembers it: no capitals, no accent.
		page.getByLabel("or customer").fill("brasserie lefevre " + run.toLowerCase());
		page.getByLabel("Reason").fill("Procédure amiable en cours");
		page.getByLabel("Until").fill(dunning.today().plusDays(20).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block dunning")).click();
		Locator row = page.locator("table.list tbody tr").filter(new Locator.FilterOptions().setHasText(name));
		row.waitFor();
		assertThat(row.textContent()).contains("C-" + number, "Procédure amiable en cours");
		dunning.awaitStep(number, "Task_AwaitBlockLifted");
		screenshot("blocks-by-name.png");

		List<String> questions = new ArrayList<>();
		page.onceDialog(dialog -> {
			questions.add(dialog.message());
			dialog.dismiss();
		});
		row.getByRole(AriaRole.BUTTON).click();
		assertThat(questions).containsExactly("Lift the block on " + name + " now? Its dunning resumes at once.");
		assertThat(row.isVisible()).as("kept when the question is declined").isTrue();

		page.onceDialog(dialog -> dialog.accept());
		row.getByRole(AriaRole.BUTTON).click();
		page.getByText("Block lifted").waitFor();
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(policyViolations).isEmpty();
	}

}
