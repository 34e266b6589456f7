package io.dunning.worklist;

import io.dunning.web.BadInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Claim, release and (managers) assign a task from the pages, then back to the page the user came from. */
@Controller
class TaskAssignmentActions {

	private final TaskAssignment assignment;

	TaskAssignmentActions(TaskAssignment assignment) {
		this.assignment = assignment;
	}

	@PostMapping("/tasks/{id}/claim")
	String claim(@PathVariable long id, @RequestParam String back, Authentication user) {
		assignment.claim(new TaskId(id), Actor.of(user));
		return "redirect:" + safe(back);
	}

	@PostMapping("/tasks/{id}/unclaim")
	String unclaim(@PathVariable long id, @RequestParam String back, Authentication user) {
		Actor actor = Actor.of(user);
		assignment.unclaim(new TaskId(id), actor, actor.isManager(user));
		return "redirect:" + safe(back);
	}

	@PostMapping("/tasks/{id}/assign")
	String assign(@PathVariable long id, @RequestParam String assignee, @RequestParam String back,
			Authentication user) {
		Actor actor = Actor.of(user);
		if (!actor.isManager(user)) {
			throw new AccessDeniedException("Only managers assign tasks.");
		}
		if (assignee.isBlank() || assignee.length() > 100) {
			throw BadInputException.of("assignee", "a user name is required");
		}
		assignment.assign(new TaskId(id), assignee.strip(), actor);
		return "redirect:" + safe(back);
	}

	// Only our own pages are a place to go back to.
	private static String safe(String back) {
		return back.startsWith("/") && !back.startsWith("//") ? back : "/tasks";
	}

}
