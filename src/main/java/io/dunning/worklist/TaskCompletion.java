package io.dunning.worklist;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.web.ConflictException;
import io.dunning.web.UnavailableException;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a task in three steps, so that no answer from the engine can be lost or misread:
 * <ol>
 * <li>one transaction checks the data against the form and records it: the task is COMPLETING;</li>
 * <li>the engine completes the job, outside any transaction, so no database lock waits on the network;</li>
 * <li>a second transaction marks the task COMPLETED and writes the history.</li>
 * </ol>
 * If the engine's answer is lost (a timeout after the broker completed), the task stays COMPLETING and the
 * collector's retry sends the recorded answer again. The engine then answers NOT_FOUND, because our own earlier
 * completion consumed the job, and that is success.
 */
@Service
class TaskCompletion {

	private static final Logger log = LoggerFactory.getLogger(TaskCompletion.class);

	// The engine refused the command itself: nothing happened there, so the task goes back to OPEN.
	private static final Set<Status.Code> REFUSED = Set.of(Status.Code.INVALID_ARGUMENT,
			Status.Code.FAILED_PRECONDITION, Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);

	/** The process variable that holds who completed the latest task of the case. */
	static final String COMPLETED_BY = "completedBy";

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final Tasks tasks;
	private final TaskAssignment assignment;
	private final Forms forms;
	private final CaseHistory history;
	private final CamundaClient engine;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final ObjectMapper json;
	private final AnswerBounds bounds;
	private final PromiseFollowUp promises;

	TaskCompletion(Tasks tasks, TaskAssignment assignment, Forms forms, CaseHistory history, CamundaClient engine,
			TransactionTemplate transaction, Clock clock, ObjectMapper json, AnswerBounds bounds,
			PromiseFollowUp promises) {
		this.bounds = bounds;
		this.promises = promises;
		this.tasks = tasks;
		this.assignment = assignment;
		this.forms = forms;
		this.history = history;
		this.engine = engine;
		this.transaction = transaction;
		this.clock = clock;
		this.json = json;
	}

	/** What is being sent to the engine; {@code retry} when an earlier attempt may already have reached it. */
	private record Pending(Task task, Map<String, Object> variables, boolean retry) {
	}

	void complete(TaskId id, Actor actor, JsonNode submitted) {
		Pending pending = transaction.execute(status -> begin(id, actor, submitted));
		try {
			Map<String, Object> variables = new HashMap<>(pending.variables());
			// The steps after a task (a dispute raised on the call, its settlement) name who answered in the history.
			variables.put(COMPLETED_BY, actor.name());
			engine.newCompleteCommand(pending.task().jobKey()).variables(variables).send().join();
		}
		catch (ClientStatusException e) {
			if (e.getStatusCode() == Status.Code.NOT_FOUND) {
				if (pending.retry()) {
					finish(pending, actor);
					return;
				}
				cancelGone(pending.task());
				throw new ConflictException("Task " + id + " can no longer be completed: its case has moved on "
						+ "(paid, closed or changed), so the task is now cancelled and your answer was not recorded.");
			}
			if (REFUSED.contains(e.getStatusCode())) {
				reopen(pending.task());
				throw e;
			}
			throw unconfirmed(id, e);
		}
		catch (ClientException e) {
			throw unconfirmed(id, e);
		}
		finish(pending, actor);
	}

	private Pending begin(TaskId id, Actor actor, JsonNode submitted) {
		Task task = assignment.lockCompletable(id, actor);
		if (task.state() == TaskState.COMPLETING) {
			return new Pending(task, read(tasks.recordedVariables(id)), true);
		}
		Map<String, Object> variables = validate(task, submitted);
		if (task.assignee() == null) {
			assignment.claim(task, actor, true);
		}
		tasks.startCompletion(id, actor.name(), clock.instant(), write(variables));
		return new Pending(task, variables, false);
	}

	/** The form's rules, then the sanity bounds; throws with every bad field named. */
	Map<String, Object> validate(Task task, JsonNode submitted) {
		FormSchema form = forms.get(task.formId());
		Map<String, Object> variables = FormValidator.validate(form, submitted);
		bounds.check(form, task.invoiceNumber(), variables);
		return variables;
	}

	private void finish(Pending pending, Actor actor) {
		Task task = pending.task();
		transaction.executeWithoutResult(status -> {
			if (tasks.confirmCompletion(task.id(), clock.instant())) {
				history.append(task.invoiceNumber(), HistoryType.TASK_COMPLETED, task.elementId(), actor.name(),
						pending.variables());
				promises.onCompleted(task, pending.variables(), actor.name(), clock.instant());
			}
		});
	}

	private void reopen(Task task) {
		transaction.executeWithoutResult(status -> tasks.abandonCompletion(task.id()));
	}

	private static UnavailableException unconfirmed(TaskId id, ClientException e) {
		log.warn("Completion of task {} not confirmed by the engine: {}", id, e.getMessage());
		return new UnavailableException("The engine did not confirm the completion of task " + id
				+ ". Your answer is recorded: send the completion again to finish it.", e);
	}

	// The job no longer exists: the instance ended (a payment, usually) and the case's cancellation may not have
	// reached this task yet. Record that now rather than leave an open task nobody can complete.
	private void cancelGone(Task task) {
		transaction.executeWithoutResult(status -> {
			if (tasks.cancel(task.id(), clock.instant())) {
				history.append(task.invoiceNumber(), HistoryType.TASK_CANCELLED, task.elementId(), "system",
						Map.of("taskId", task.id().value(), "reason", "the engine no longer waits for this task"));
				log.info("Task {} of invoice {} was gone from the engine when completed: cancelled", task.id(),
						task.invoiceNumber());
			}
		});
	}

	private String write(Map<String, Object> variables) {
		try {
			return json.writeValueAsString(variables);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("task variables must be JSON-serialisable", e);
		}
	}

	private Map<String, Object> read(String variables) {
		try {
			return json.readValue(variables, VARIABLES);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable recorded task variables", e);
		}
	}

}
