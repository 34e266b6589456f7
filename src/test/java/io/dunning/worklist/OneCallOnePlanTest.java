package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A payment plan agreed in one call for several ticked invoices is one plan, not one per invoice. */
class OneCallOnePlanTest extends IntegrationTest {

	@Autowired
	CamundaClient engine;

	@Autowired
	GroupCompletion completion;

	@Autowired
	CustomerContext context;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Test
	void threeTickedInvoicesMakeOnePlanWhoseInstalmentsAreTheirSums() throws Exception {
		CustomerFixture customer = new CustomerFixture(port, engine, "C-OP" + run, "Garage Moreau " + run);
		engine.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess("Negotiation_" + run).startEvent()
				.userTask(PromiseFollowUp.PLAN_NEGOTIATION, t -> t.zeebeFormKey("payment-plan")
					.zeebeCandidateGroups("collectors"))
				.serviceTask("Task_SchedulePlan", t -> t.zeebeJobType("dunning:schedule-plan:1"))
				.endEvent().done(), "negotiation-" + run + ".bpmn")
			.send().join();
		List<String> invoices = List.of(customer.invoice("59.00", 30), customer.invoice("213.32", 30),
				customer.invoice("966.66", 30));
		for (String number : invoices) {
			engine.newCreateInstanceCommand().bpmnProcessId("Negotiation_" + run).latestVersion()
				.variables(Map.of("invoiceNumber", number, "caseId", ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50)))
				.send().join();
		}
		List<TaskId> ids = invoices.stream()
			.map(number -> new TaskId(customer.dunning().awaitOpenTask(number, PromiseFollowUp.PLAN_NEGOTIATION)
				.get("id").asLong()))
			.toList();
		LocalDate first = customer.today().plusDays(10);

		GroupCompletion.Outcome outcome = completion.complete(ids, new Actor("collector", Set.of("collectors")),
				new ObjectMapper().readTree("{\"agreed\":true,\"instalmentCount\":2,\"firstInstalmentDate\":\"" + first
						+ "\"}"));

		assertThat(outcome.completed()).hasSize(3);
		CustomerContext.PromiseLine plan = await().atMost(Duration.ofSeconds(30))
			.until(() -> context.of(customer.id, customer.today()).promises(),
					lines -> lines.size() == 1 && lines.getFirst().promise().invoiceNumber().split(", ").length == 3)
			.getFirst();
		assertThat(plan.promise().kind()).isEqualTo(Promise.Kind.PLAN);
		assertThat(plan.promise().invoiceNumber().split(", ")).containsExactlyInAnyOrderElementsOf(invoices);
		assertThat(plan.promise().amount()).isEqualByComparingTo("1238.98");
		// 29.50 + 106.66 + 483.33 a month: one plan of 619.49, not three.
		assertThat(plan.instalments()).extracting(i -> i.instalment().amount())
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("619.49"), new BigDecimal("619.49"));
		assertThat(plan.instalments()).extracting(i -> i.instalment().dueDate()).containsExactly(first,
				first.plusMonths(1));
		String page = customer.page("collector", "/promises?customer=" + customer.id, "en").body();
		assertThat(page.split("class=\"promise-line\"", -1)).hasSize(2);
	}

}
