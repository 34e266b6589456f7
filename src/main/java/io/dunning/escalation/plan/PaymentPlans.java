package io.dunning.escalation.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseId;
import io.dunning.escalation.PlanAgreed;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans: the balance split into monthly instalments. A case gets one plan per negotiation, told apart by
 * its first due date: asking again for the same negotiation returns the same plan, so a redelivered or restarted step
 * changes nothing, while a later negotiation (after a missed instalment) makes a new plan, which becomes the current one.
 */
@Service
public class PaymentPlans {

	private static final TypeReference<List<Instalment>> INSTALMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final InvoiceCatalog invoices;
	private final CaseHistory history;
	private final ObjectMapper json;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	PaymentPlans(JdbcClient jdbc, InvoiceCatalog invoices, CaseHistory history, ObjectMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.history = history;
		this.json = json;
		this.clock = clock;
	}

	record Plan(BigDecimal startingBalance, List<Instalment> instalments) {
	}

	@Transactional
	List<Instalment> schedule(CaseId caseId, String invoiceNumber, int count, LocalDate firstDueDate, String actor) {
		Optional<Plan> existing = find(caseId, firstDueDate);
		if (existing.isPresent()) {
			return existing.get().instalments();
		}
		Invoice invoice = invoices.find(invoiceNumber).orElseThrow();
		BigDecimal balance = invoice.balance().amount();
		List<Instalment> instalments = split(balance, count, firstDueDate, invoice.balance().currency().getDefaultFractionDigits());
		jdbc.sql("""
				INSERT INTO payment_plan (case_id, first_due_date, starting_balance, instalments, created_at)
				VALUES (?, ?, ?, ?, ?)
				""")
			.params(caseId.value(), firstDueDate, balance, write(instalments), Timestamp.from(clock.instant()))
			.update();
		history.append(invoiceNumber, HistoryType.PLAN_AGREED, "Task_SchedulePlan", actor,
				Map.of("startingBalance", balance.toPlainString(), "instalments", instalments));
		events.publishEvent(new PlanAgreed(invoiceNumber, balance, instalments.stream()
			.map(i -> new PlanAgreed.Due(i.number(), i.dueDate(), i.amount(), i.cumulative()))
			.toList()));
		return instalments;
	}

	/** An instalment of the current plan is missed when less than its cumulative amount was paid since the plan began. */
	@Transactional(readOnly = true)
	boolean isMissed(CaseId caseId, String invoiceNumber, int instalmentNumber) {
		Plan plan = current(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId.value() + " has no plan"));
		Instalment instalment = plan.instalments().get(instalmentNumber - 1);
		BigDecimal paidSincePlan = plan.startingBalance().subtract(invoices.find(invoiceNumber).orElseThrow().balance().amount());
		return paidSincePlan.compareTo(instalment.cumulative()) < 0;
	}

	public static List<Instalment> split(BigDecimal balance, int count, LocalDate firstDueDate, int scale) {
		BigDecimal regular = balance.divide(BigDecimal.valueOf(count), scale, RoundingMode.DOWN);
		List<Instalment> instalments = new ArrayList<>();
		BigDecimal cumulative = BigDecimal.ZERO;
		for (int i = 1; i <= count; i++) {
			BigDecimal amount = i == count ? balance.subtract(cumulative) : regular;
			cumulative = cumulative.add(amount);
			instalments.add(new Instalment(i, firstDueDate.plusMonths(i - 1), amount.setScale(scale), cumulative.setScale(scale)));
		}
		return instalments;
	}

	private Optional<Plan> find(CaseId caseId, LocalDate firstDueDate) {
		return jdbc.sql("SELECT starting_balance, instalments FROM payment_plan WHERE case_id = ? AND first_due_date = ?")
			.params(caseId.value(), firstDueDate)
			.query((rs, n) -> new Plan(rs.getBigDecimal("starting_balance"), read(rs.getString("instalments"))))
			.optional();
	}

	/** The plan of the case's latest negotiation. */
	Optional<Plan> current(CaseId caseId) {
		return jdbc.sql("SELECT starting_balance, instalments FROM payment_plan WHERE case_id = ? ORDER BY id DESC LIMIT 1")
			.param(caseId.value())
			.query((rs, n) -> new Plan(rs.getBigDecimal("starting_balance"), read(rs.getString("instalments"))))
			.optional();
	}

	private String write(List<Instalment> instalments) {
		try {
			return json.writeValueAsString(instalments);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<Instalment> read(String text) {
		try {
			return json.readValue(text, INSTALMENTS);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable payment plan", e);
		}
	}

}
