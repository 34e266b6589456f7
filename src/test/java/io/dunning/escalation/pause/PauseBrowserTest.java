package io.dunning.escalation.pause;

import static org.assertj.core.api.Assertions.assertThat;

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

}
