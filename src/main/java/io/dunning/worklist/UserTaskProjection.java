package io.dunning.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseStatus;
import io.dunning.invoice.CaseProgress;
import io.dunning.invoice.InvoiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one task row per open user task. The job stays activated (not completed) until a collector completes the
 * task; its timeout is ten years so that only a clock jump or a restart brings it back, and then the open task of
 * the same case and step is refreshed instead of duplicated.
 */
@Component
public class UserTaskProjection {

	private static final Logger log = LoggerFactory.getLogger(UserTaskProjection.class);

	static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";

	private static final long TEN_YEARS_MILLIS = 3650L * 24 * 60 * 60 * 1000;

	private static final Duration TRANSIENT_BACKOFF = Duration.ofSeconds(5);

	private final Tasks tasks;
	private final TaskRows rows;
	private final CaseHistory history;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final ObjectMapper json;
	private final CaseProgress cases;
	private final TaskCancellation cancellation;
	private final InvoiceCatalog invoices;
	private final PriorityWeights weights;
	private final ZoneId zone;

	UserTaskProjection(Tasks tasks, TaskRows rows, CaseHistory history, TransactionTemplate transaction,
			Clock clock, ObjectMapper json, CaseProgress cases, TaskCancellation cancellation, InvoiceCatalog invoices,
			PriorityWeights weights, @Value("${dunning.zone}") ZoneId zone) {
		this.invoices = invoices;
		this.weights = weights;
		this.zone = zone;
		this.tasks = tasks;
		this.rows = rows;
		this.history = history;
		this.transaction = transaction;
		this.clock = clock;
		this.json = json;
		this.cases = cases;
		this.cancellation = cancellation;
	}

	// Public, with its class, because the Camunda client invokes it by plain reflection. No row lock is taken to
	// look for the open task: on MySQL a locking read of a missing row takes a gap lock, and two steps opening at
	// once then deadlock on their inserts. The unique open key settles a race instead.
	@JobWorker(type = USER_TASK_JOB, autoComplete = false, timeout = TEN_YEARS_MILLIS, fetchVariables = "invoiceNumber")
	public void project(ActivatedJob job, @Variable(name = "invoiceNumber", optional = true) String invoiceNumber) {
		UserTaskJob task = UserTaskJob.from(job, invoiceNumber, json);
		try {
			try {
				transaction.executeWithoutResult(status -> upsert(task));
			}
			catch (DuplicateKeyException raced) {
				transaction.executeWithoutResult(status -> upsert(task));
			}
			// The case may have closed while the task was written: its cancellation then ran before the task
			// existed and did not see it. Looking again after the commit closes that window.
			closedStatus(task.invoiceNumber()).ifPresent(status -> cancellation.cancelOpenOf(task.invoiceNumber(),
					status));
		}
		catch (TransientDataAccessException e) {
			// A user task's job has a single retry: a passing database hiccup must not turn it into an incident.
			throw CamundaError.jobError("transient database failure: " + e.getMessage(), null, job.getRetries(),
					TRANSIENT_BACKOFF, e);
		}
	}

	private void upsert(UserTaskJob task) {
		Optional<String> closed = closedStatus(task.invoiceNumber());
		if (closed.isPresent()) {
			// A job redelivered, or activated late, for a case already paid or closed: its instance is ending.
			log.info("User task {} of invoice {} not listed: the case is {}", task.elementId(), task.invoiceNumber(),
					closed.get().toLowerCase());
			return;
		}
		tasks.findOpen(task.invoiceNumber(), task.elementId())
			.ifPresentOrElse(open -> tasks.refresh(open.id(), task), () -> open(task));
	}

	/** The case's status if it is closed; empty while it is open, or for an instance that belongs to no case. */
	private Optional<String> closedStatus(String invoiceNumber) {
		return cases.of(invoiceNumber)
			.map(CaseProgress.Snapshot::status)
			.filter(status -> !CaseStatus.OPEN.name().equals(status));
	}

	private void open(UserTaskJob job) {
		TaskFacts facts = TaskFacts.of(invoices.find(job.invoiceNumber()), history.of(job.invoiceNumber()),
				LocalDate.ofInstant(clock.instant(), zone));
		if (facts.customerId() != null) {
			facts = facts.with(new PaymentHistory(invoices.overdueInvoicesOf(facts.customerId(), job.invoiceNumber()),
					rows.brokenPromisesOnOtherInvoices(facts.customerId(), job.invoiceNumber())));
		}
		TaskId id = tasks.insert(job, facts, Priority.base(weights, facts.amount(), facts.dueDate(),
				facts.brokenPromiseOn(), facts.history()), clock.instant());
		Map<String, Object> details = new HashMap<>();
		details.put("taskId", id.value());
		details.put("formId", job.formId());
		details.put("candidateGroup", job.candidateGroup());
		if (job.assignee() != null) {
			details.put("assignee", job.assignee());
		}
		if (job.dueAt() != null) {
			details.put("dueAt", job.dueAt().toString());
		}
		history.append(job.invoiceNumber(), HistoryType.TASK_CREATED, job.elementId(), "system", details);
	}

}
