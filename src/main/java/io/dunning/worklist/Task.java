package io.dunning.worklist;

import java.time.Instant;

import io.dunning.web.ConflictException;
import org.springframework.security.access.AccessDeniedException;

/** One user task of one case, as the worklist keeps it; {@code slaPassedAt} is null while its SLA holds. */
record Task(TaskId id, String invoiceNumber, String elementId, String formId, String candidateGroup,
		String assignee, Instant dueAt, TaskState state, long jobKey, Instant slaPassedAt) {

	/** Refuses, with the reason, anyone who may not claim or complete this task now. */
	void checkWorkableBy(Actor actor) {
		boolean candidate = candidateGroup == null ? actor.name().equals(assignee)
				: actor.groups().contains(candidateGroup);
		if (!candidate) {
			throw new AccessDeniedException(candidateGroup == null ? "Task " + id + " is assigned to " + assignee + "."
					: "Only members of group '" + candidateGroup + "' may work task " + id + ".");
		}
		if (state != TaskState.OPEN) {
			throw new ConflictException("Task " + id + " is " + state.name().toLowerCase() + ".");
		}
		if (assignee != null && !assignee.equals(actor.name())) {
			throw new ConflictException("Task " + id + " is claimed by " + assignee + ".");
		}
	}

	/** As {@link #checkWorkableBy}, but the collector whose completion is unconfirmed may send it again. */
	void checkCompletableBy(Actor actor) {
		if (state == TaskState.COMPLETING && isClaimedBy(actor)) {
			return;
		}
		if (state == TaskState.COMPLETING) {
			throw new ConflictException("Task " + id + " is being completed by " + assignee + ".");
		}
		checkWorkableBy(actor);
	}

	boolean isClaimedBy(Actor actor) {
		return actor.name().equals(assignee);
	}

	Task claimedBy(Actor actor) {
		return new Task(id, invoiceNumber, elementId, formId, candidateGroup, actor.name(), dueAt, state, jobKey,
				slaPassedAt);
	}

}
