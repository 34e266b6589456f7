package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.camunda.client.CamundaClient;
import io.dunning.IntegrationTest;
import io.dunning.escalation.PlanAgreed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Promises and plans followed by the payments on their invoices, and the task amounts a partial payment lowers. */
class PromisesTest extends IntegrationTest {

	@Autowired
	CamundaClient engine;

	@Autowired
	CustomerContext context;

	@Autowired
	Promises promises;

	@Autowired
	TaskRows tasks;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	private CustomerFixture customer;

	@BeforeEach
	void customer() {
		customer = new CustomerFixture(port, engine, "C-PR" + run, "Imprimerie Roux " + run);
	}

	@Test
	void aPartialPaymentLowersTheAmountOfTheOpenTaskAndItsPriority() {
		String number = customer.invoice("300.00", 30);
		long id = customer.call(number).get("id").asLong();
		TaskRow before = tasks.rows(List.of(id)).getFirst();
		long priorityBefore = priorityBase(id);
		assertThat(before.amount()).isEqualByComparingTo("300.00");

		customer.pay(number, "120.00");

		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.rows(List.of(id)).getFirst().amount()
			.compareTo(new BigDecimal("180.00")) == 0);
		assertThat(priorityBase(id)).isLessThan(priorityBefore);
		assertThat(customer.page("collector", "/tasks?view=team&customer=" + run, "en").body())
			.contains("€180.00").doesNotContain("€300.00");
	}

	@Test
	void aPromisePaidInFullByItsDeadlineIsKeptAndOneStillUnpaidAfterItIsBroken() {
		String kept = customer.invoice("250.00", 30);
		String broken = customer.invoice("90.00", 30);
		LocalDate promisedDate = customer.today().plusDays(1);
		customer.promise(kept, promisedDate);
		customer.promise(broken, promisedDate);
		assertThat(counts()).isEqualTo(new CustomerContext.Counts(0, 0, 2));

		customer.pay(kept, "250.00");
		await().atMost(Duration.ofSeconds(20)).until(() -> counts().equals(new CustomerContext.Counts(1, 0, 1)));
		// The deadline is the promised date plus the diagram's two days: the day after it, the promise is broken.
		customer.dunning().advance("P4D");

		assertThat(counts()).isEqualTo(new CustomerContext.Counts(1, 1, 0));
		assertThat(customer.page("manager", "/promises?status=broken&customer=" + run, "en").body())
			.contains(broken).doesNotContain(kept);
		assertThat(customer.page("collector", "/promises?status=kept&customer=" + run, "fr").body())
			.contains(kept).doesNotContain(broken).contains("tenue");
		assertThat(customer.page("collector", "/promises?status=open&customer=" + run, "en").body())
			.doesNotContain(kept).doesNotContain(broken);
	}

	@Test
	void aPlanIsFollowedInstalmentByInstalment() {
		String number = customer.invoice("300.00", 30);
		LocalDate first = customer.today().plusDays(10);
		transaction.executeWithoutResult(status -> events.publishEvent(new PlanAgreed(number, new BigDecimal("300.00"),
				List.of(due(1, first, "100.00", "100.00"), due(2, first.plusMonths(1), "100.00", "200.00"),
						due(3, first.plusMonths(2), "100.00", "300.00")))));
		await().atMost(Duration.ofSeconds(20)).until(() -> !plan().instalments().isEmpty());
		assertThat(plan().status()).isEqualTo(Promise.Status.OPEN);

		customer.pay(number, "100.00");

		await().atMost(Duration.ofSeconds(20)).until(() -> plan().promise().paid().compareTo(new BigDecimal("100.00")) == 0);
		assertThat(plan().promise().deadline()).isEqualTo(first.plusMonths(1).plusDays(Promise.INSTALMENT_GRACE_DAYS));
		assertThat(plan().instalments()).extracting(CustomerContext.InstalmentLine::status)
			.containsExactly(Promise.Status.KEPT, Promise.Status.OPEN, Promise.Status.OPEN);

		customer.pay(number, "200.00");
		await().atMost(Duration.ofSeconds(20)).until(() -> plan().status() == Promise.Status.KEPT);
		assertThat(plan().instalments()).extracting(CustomerContext.InstalmentLine::status)
			.containsOnly(Promise.Status.KEPT);
	}

	@Test
	void thePromisesPageIsPagedByKeyNewestFirst() {
		for (int i = 0; i < Promises.PAGE + 5; i++) {
			promises.record(new Promises.Made("test:" + run + ":" + i, Promise.Kind.PROMISE, "PG-" + run + "-" + i,
					customer.id, customer.name, new BigDecimal("10.00"), "EUR", customer.today().plusDays(3),
					customer.today().plusDays(5), List.of(), "collector", Instant.now()));
		}
		String first = customer.page("collector", "/promises?customer=" + customer.id, "en").body();
		assertThat(first).contains("PG-" + run + "-" + (Promises.PAGE + 4)).doesNotContain("PG-" + run + "-4<");
		String next = first.replaceFirst("(?s).*href=\"(/promises\\?[^\"]*after=[0-9]+)\".*", "$1").replace("&amp;", "&");
		assertThat(next).contains("after=");

		String second = customer.page("collector", next, "en").body();
		assertThat(second).contains("PG-" + run + "-4<").contains("PG-" + run + "-0<")
			.doesNotContain("PG-" + run + "-5<");
		assertThat(customer.page("collector", "/promises?status=nope", "en").statusCode()).isEqualTo(400);
	}

	private CustomerContext.Counts counts() {
		return context.of(customer.id, customer.today()).counts();
	}

	private CustomerContext.PromiseLine plan() {
		return context.of(customer.id, customer.today()).promises().stream()
			.filter(p -> p.promise().kind() == Promise.Kind.PLAN)
			.findFirst()
			.orElse(new CustomerContext.PromiseLine(null, null, null, List.of()));
	}

	private long priorityBase(long taskId) {
		return jdbc.sql("SELECT priority_base FROM task WHERE id = ?").param(taskId).query(Long.class).single();
	}

	private static PlanAgreed.Due due(int number, LocalDate date, String amount, String cumulative) {
		return new PlanAgreed.Due(number, date, new BigDecimal(amount), new BigDecimal(cumulative));
	}

}
