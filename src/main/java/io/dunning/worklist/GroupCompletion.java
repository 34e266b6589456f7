package io.dunning.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import io.dunning.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * One call, several invoices: the collector's one answer is checked against every ticked task first, so that a bad
 * answer completes none of them; then each task gets its own completion, and so each process its own. The tasks are
 * marked as completed together first, so that a plan agreed in the call is one plan over its invoices.
 */
@Service
class GroupCompletion {

	private final Tasks tasks;
	private final TaskCompletion completion;

	GroupCompletion(Tasks tasks, TaskCompletion completion) {
		this.tasks = tasks;
		this.completion = completion;
	}

	/** What happened: the tasks completed, and why the others were not. */
	record Outcome(List<TaskId> completed, Map<TaskId, String> refused) {
	}

	Outcome complete(List<TaskId> ids, Actor actor, JsonNode answer) {
		if (ids.isEmpty()) {
			throw BadInputException.of("taskId", "tick at least one invoice");
		}
		Map<String, InputError> errors = new LinkedHashMap<>();
		for (TaskId id : ids) {
			Task task = tasks.find(id).orElseThrow(() -> new NotFoundException("Task " + id + " does not exist."));
			task.checkCompletableBy(actor);
			try {
				completion.validate(task, answer);
			}
			catch (BadInputException e) {
				e.errors().forEach(error -> errors.putIfAbsent(error.field(), error));
			}
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(List.copyOf(errors.values()));
		}
		// Named before any completion reaches the engine: what the steps after it make (a plan) is told apart by call.
		if (ids.size() > 1) {
			tasks.markCompletedTogether(ids);
		}
		List<TaskId> completed = new ArrayList<>();
		Map<TaskId, String> refused = new LinkedHashMap<>();
		for (TaskId id : ids) {
			try {
				completion.complete(id, actor, answer);
				completed.add(id);
			}
			catch (ConflictException e) {
				refused.put(id, e.getMessage());
			}
		}
		return new Outcome(List.copyOf(completed), refused);
	}

}
