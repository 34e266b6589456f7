package io.dunning.worklist;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.web.BadInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

	private final Tasks tasks;
	private final TaskAssignment assignment;
	private final TaskCompletion completion;

	TaskController(Tasks tasks, TaskAssignment assignment, TaskCompletion completion) {
		this.tasks = tasks;
		this.assignment = assignment;
		this.completion = completion;
	}

	/** A task as the API shows it; {@code slaPassedAt} is when its SLA passed, null while it holds. */
	record TaskView(TaskId id, String invoiceNumber, String elementId, String formId, String candidateGroup,
			String assignee, Instant dueAt, Instant slaPassedAt) {

		static TaskView of(Task task) {
			return new TaskView(task.id(), task.invoiceNumber(), task.elementId(), task.formId(),
					task.candidateGroup(), task.assignee(), task.dueAt(), task.slaPassedAt());
		}

	}

	record Completion(JsonNode variables) {
	}

	@GetMapping("/api/tasks")
	List<TaskView> list(@RequestParam Optional<String> invoiceNumber, @RequestParam Optional<String> state,
			Authentication user) {
		return tasks.find(invoiceNumber.filter(n -> !n.isBlank()), state.map(TaskController::state), Actor.of(user))
			.stream()
			.map(TaskView::of)
			.toList();
	}

	@PostMapping("/api/tasks/{id}/claim")
	TaskView claim(@PathVariable long id, Authentication user) {
		return TaskView.of(assignment.claim(new TaskId(id), Actor.of(user)));
	}

	@PostMapping("/api/tasks/{id}/complete")
	ResponseEntity<Void> complete(@PathVariable long id, @RequestBody Completion body, Authentication user) {
		completion.complete(new TaskId(id), Actor.of(user), body.variables());
		return ResponseEntity.noContent().build();
	}

	private static TaskState state(String value) {
		try {
			return TaskState.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw BadInputException.of("state", "must be one of "
					+ String.join(", ", Arrays.stream(TaskState.values()).map(Enum::name).toList()));
		}
	}

}
