package io.dunning.worklist;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.web.ConflictException;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a task: checks the data against the task's form, records it, and completes the job, all or nothing.
 * The engine is told last, inside the transaction, so a refusal from the engine leaves the task open.
 */
@Service
class TaskCompletion {

	private static final Logger log = LoggerFactory.getLogger(TaskCompletion.class);

	private final Tasks tasks;
	private final TaskAssignment assignment;
	private final Forms forms;
	private final CaseHistory history;
	private final CamundaClient engine;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final ObjectMapper json;

	TaskCompletion(Tasks tasks, TaskAssignment assignment, Forms forms, CaseHistory history, CamundaClient engine,
			TransactionTemplate transaction, Clock clock, ObjectMapper json) {
		this.tasks = tasks;
		this.assignment = assignment;
		this.forms = forms;
		this.history = history;
		this.engine = engine;
		this.transaction = transaction;
		this.clock = clock;
		this.json = json;
	}

	void complete(TaskId id, Actor actor, JsonNode submitted) {
		Task gone = transaction.execute(status -> {
			Task task = assignment.lockWorkable(id, actor);
			Map<String, Object> variables = FormValidator.validate(forms.get(task.formId()), submitted);
			if (task.assignee() == null) {
				assignment.claim(task, actor, true);
			}
			tasks.complete(id, actor.name(), clock.instant(), write(variables));
			history.append(task.invoiceNumber(), HistoryType.TASK_COMPLETED, task.elementId(), actor.name(),
					variables);
			try {
				engine.newCompleteCommand(task.jobKey()).variables(variables).send().join();
				return null;
			}
			catch (ClientStatusException e) {
				if (e.getStatusCode() != Status.Code.NOT_FOUND) {
					throw e;
				}
				status.setRollbackOnly();
				return task;
			}
		});
		if (gone != null) {
			cancelGone(gone);
			throw new ConflictException("Task " + id + " can no longer be completed: its case has moved on "
					+ "(paid, closed or changed), so the task is now cancelled. Nothing was recorded.");
		}
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

}
