package io.dunning.worklist;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The task table as the pages and the priority read it: the invoice and customer facts a task copied when it opened,
 * and the columns its priority is computed from, kept up to date as payments and SLAs change them.
 */
@Repository
class TaskRows {

	private final JdbcClient jdbc;

	TaskRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TaskRow> rows(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, invoice_number, element_id, form_id, candidate_group, assignee, customer_name,
				       customer_email, customer_phone, amount, currency, invoice_due_date, broken_promise_on, customer_id
				FROM task WHERE id IN (%s) ORDER BY invoice_due_date, id
				""".formatted(String.join(", ", ids.stream().map(i -> "?").toList())))
			.params(List.copyOf(ids))
			.query((rs, n) -> {
				Date due = rs.getDate("invoice_due_date");
				Date broken = rs.getDate("broken_promise_on");
				return new TaskRow(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("element_id"),
						rs.getString("form_id"), rs.getString("candidate_group"), rs.getString("assignee"),
						rs.getString("customer_name"), rs.getString("customer_email"), rs.getString("customer_phone"),
						rs.getBigDecimal("amount"), rs.getString("currency"), due == null ? null : due.toLocalDate(),
						broken == null ? null : broken.toLocalDate(), rs.getString("customer_id"));
			})
			.list();
	}

	/** The open tasks of an invoice, locked, with what their priority is computed from. */
	List<TaskRow> lockOpenRowsOf(String invoiceNumber) {
		List<Long> open = jdbc.sql("SELECT id FROM task WHERE invoice_number = ? AND state = 'OPEN' ORDER BY id")
			.param(invoiceNumber)
			.query(Long.class)
			.list();
		if (open.isEmpty()) {
			return List.of();
		}
		// Locked by primary key: a locking read through the invoice index also locks the gap that a task opening
		// for the same invoice inserts into, and a payment arriving as the task opened deadlocked with it.
		List<Long> locked = jdbc.sql("SELECT id FROM task WHERE id IN (" + String.join(", ", open.stream()
			.map(id -> "?")
			.toList()) + ") AND state = 'OPEN' ORDER BY id FOR UPDATE")
			.params(open)
			.query(Long.class)
			.list();
		return rows(locked);
	}

	/** The balance a payment left: what the list shows and sorts on. */
	void refreshAmount(long id, BigDecimal amount, long priorityChange) {
		jdbc.sql("UPDATE task SET amount = ?, priority_base = priority_base + ? WHERE id = ? AND state = 'OPEN'")
			.params(amount, priorityChange, id)
			.update();
	}

	/**
	 * The other invoices of this customer on which a promise to pay was broken, as their tasks recorded it. One
	 * indexed count on the task table.
	 */
	int brokenPromisesOnOtherInvoices(String customerId, String exceptInvoiceNumber) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT invoice_number) FROM task
				WHERE customer_id = ? AND invoice_number <> ? AND broken_promise_on IS NOT NULL
				""")
			.params(customerId, exceptInvoiceNumber)
			.query(Integer.class)
			.single();
	}

	/**
	 * Marks the task's SLA as passed and adds its points to the priority, once: a second call changes nothing.
	 *
	 * @return false when the SLA was already marked
	 */
	boolean markSlaPassed(TaskId id, Instant at, long points) {
		return jdbc.sql("""
				UPDATE task SET sla_passed_at = ?, priority_base = priority_base + ?
				WHERE id = ? AND sla_passed_at IS NULL
				""")
			.params(Timestamp.from(at), points, id.value())
			.update() == 1;
	}

}
