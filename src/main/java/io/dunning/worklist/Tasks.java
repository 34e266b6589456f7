package io.dunning.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The task table. Locking reads (FOR UPDATE) serialise claims, completions and cancellations of one task. */
@Repository
class Tasks {

	private static final String COLUMNS = """
			SELECT id, invoice_number, element_id, form_id, candidate_group, assignee, due_at, state, job_key,
			       sla_passed_at
			FROM task
			""";

	private final JdbcClient jdbc;

	Tasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Task> findOpen(String invoiceNumber, String elementId) {
		return jdbc.sql(COLUMNS + " WHERE open_key = ?")
			.param(openKey(invoiceNumber, elementId))
			.query(Tasks::task)
			.optional();
	}

	/** Who completed the latest task of this invoice at this step. */
	Optional<String> lastCompletedBy(String invoiceNumber, String elementId) {
		return jdbc.sql("""
				SELECT completed_by FROM task WHERE invoice_number = ? AND element_id = ? AND state = 'COMPLETED'
				ORDER BY id DESC LIMIT 1
				""")
			.params(invoiceNumber, elementId)
			.query(String.class)
			.optional();
	}

	/** The call these tasks are completed in together, named by the lowest of their ids. */
	void markCompletedTogether(List<TaskId> ids) {
		long call = ids.stream().mapToLong(TaskId::value).min().orElseThrow();
		for (TaskId id : ids) {
			jdbc.sql("UPDATE task SET completed_with = ? WHERE id = ?").params(call, id.value()).update();
		}
	}

	/**
	 * The call in which the invoice's last task at this step was completed (its own id when completed alone); a task
	 * whose completion the engine has not confirmed yet counts, as the steps after it may already run.
	 */
	Optional<Long> lastCompletedCall(String invoiceNumber, String elementId) {
		return jdbc.sql("""
				SELECT COALESCE(completed_with, id) FROM task
				WHERE invoice_number = ? AND element_id = ? AND state IN ('COMPLETING', 'COMPLETED')
				ORDER BY id DESC LIMIT 1
				""")
			.params(invoiceNumber, elementId)
			.query(Long.class)
			.optional();
	}

	void assign(TaskId id, String assignee, Instant at) {
		jdbc.sql("UPDATE task SET assignee = ?, claimed_at = ? WHERE id = ? AND state = 'OPEN'")
			.params(assignee, timestamp(at), id.value())
			.update();
	}

	Optional<Task> find(TaskId id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id.value()).query(Tasks::task).optional();
	}

	Optional<Task> lock(TaskId id) {
		return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id.value()).query(Tasks::task).optional();
	}

	List<Task> lockOpenOf(String invoiceNumber) {
		return jdbc.sql(COLUMNS + " WHERE invoice_number = ? AND state = 'OPEN' ORDER BY id FOR UPDATE")
			.param(invoiceNumber)
			.query(Tasks::task)
			.list();
	}

	/** The invoice's open tasks that were open at this moment (stored to the millisecond, or coarser), locked. */
	List<Task> lockOpenOf(String invoiceNumber, Instant openAt) {
		return jdbc.sql(COLUMNS + " WHERE invoice_number = ? AND state = 'OPEN' AND created_at <= ? ORDER BY id FOR UPDATE")
			.params(invoiceNumber, Timestamp.from(openAt))
			.query(Tasks::task)
			.list();
	}

	List<Task> find(Optional<String> invoiceNumber, Optional<TaskState> state) {
		return find(invoiceNumber, state, null);
	}

	/** With an actor, only the tasks that actor may see: a collector's groups' tasks and their own. */
	List<Task> find(Optional<String> invoiceNumber, Optional<TaskState> state, Actor actor) {
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (actor != null) {
			TaskFilter.visibility(actor, where, params);
		}
		invoiceNumber.ifPresent(number -> {
			where.add("invoice_number = ?");
			params.add(number);
		});
		state.ifPresent(s -> {
			where.add("state = ?");
			params.add(s.name());
		});
		String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		return jdbc.sql(COLUMNS + filter + " ORDER BY id").params(params).query(Tasks::task).list();
	}

	TaskId insert(UserTaskJob job, TaskFacts facts, long priorityBase, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO task (invoice_number, element_id, form_id, candidate_group, assignee, due_at, state,
				                  open_key, job_key, process_instance_key, created_at, customer_id, customer_name,
				                  customer_email, customer_phone, amount, currency, invoice_due_date,
				                  broken_promise_on, priority_base, late_invoices, broken_promises, group_key)
				VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(job.invoiceNumber(), job.elementId(), job.formId(), job.candidateGroup(), job.assignee(),
					timestamp(job.dueAt()), openKey(job.invoiceNumber(), job.elementId()), job.jobKey(),
					job.processInstanceKey(), timestamp(now), facts.customerId(), facts.customerName(), facts.email(),
					facts.phone(), facts.amount(), facts.currency(), facts.dueDate(), facts.brokenPromiseOn(),
					priorityBase, facts.history().lateInvoices(), facts.history().brokenPromises(),
					facts.customerId() != null ? facts.customerId() : "#" + job.invoiceNumber())
			.update(keys, "id");
		return new TaskId(keys.getKey().longValue());
	}

	/** A redelivered or recreated job: the engine's view wins, except for the claim, which is ours. */
	void refresh(TaskId id, UserTaskJob job) {
		jdbc.sql("""
				UPDATE task SET job_key = ?, process_instance_key = ?, form_id = ?, candidate_group = ?, due_at = ?
				WHERE id = ?
				""")
			.params(job.jobKey(), job.processInstanceKey(), job.formId(), job.candidateGroup(),
					timestamp(job.dueAt()), id.value())
			.update();
	}

	void claim(TaskId id, String assignee, Instant at) {
		jdbc.sql("UPDATE task SET assignee = ?, claimed_at = ? WHERE id = ?")
			.params(assignee, timestamp(at), id.value())
			.update();
	}

	/** Records the collector's answer before the engine hears it; the open key stays until the engine confirms. */
	void startCompletion(TaskId id, String user, Instant at, String variables) {
		jdbc.sql("""
				UPDATE task SET state = 'COMPLETING', completed_by = ?, completed_at = ?, variables = ?
				WHERE id = ? AND state = 'OPEN'
				""")
			.params(user, timestamp(at), variables, id.value())
			.update();
	}

	String recordedVariables(TaskId id) {
		return jdbc.sql("SELECT variables FROM task WHERE id = ?").param(id.value()).query(String.class).single();
	}

	/** @return false if the completion was already confirmed (or the task is no longer completing) */
	boolean confirmCompletion(TaskId id, Instant at) {
		return jdbc.sql("""
				UPDATE task SET state = 'COMPLETED', open_key = NULL, completed_at = ?
				WHERE id = ? AND state = 'COMPLETING'
				""")
			.params(timestamp(at), id.value())
			.update() == 1;
	}

	void abandonCompletion(TaskId id) {
		jdbc.sql("""
				UPDATE task SET state = 'OPEN', completed_by = NULL, completed_at = NULL, variables = NULL
				WHERE id = ? AND state = 'COMPLETING'
				""")
			.param(id.value())
			.update();
	}

	/** @return false if the task was no longer open, or being completed */
	boolean cancel(TaskId id, Instant at) {
		return jdbc.sql("""
				UPDATE task SET state = 'CANCELLED', open_key = NULL, cancelled_at = ?
				WHERE id = ? AND state IN ('OPEN', 'COMPLETING')
				""")
			.params(timestamp(at), id.value())
			.update() == 1;
	}

	// A space cannot occur in a BPMN element id, so two different (invoice, element) pairs never share a key.
	private static String openKey(String invoiceNumber, String elementId) {
		return invoiceNumber + " " + elementId;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Task task(ResultSet rs, int row) throws SQLException {
		Timestamp due = rs.getTimestamp("due_at");
		Timestamp sla = rs.getTimestamp("sla_passed_at");
		return new Task(new TaskId(rs.getLong("id")), rs.getString("invoice_number"), rs.getString("element_id"),
				rs.getString("form_id"), rs.getString("candidate_group"), rs.getString("assignee"),
				due == null ? null : due.toInstant(), TaskState.valueOf(rs.getString("state")), rs.getLong("job_key"),
				sla == null ? null : sla.toInstant());
	}

}
