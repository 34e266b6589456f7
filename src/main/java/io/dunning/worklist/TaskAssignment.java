package io.dunning.worklist;

import java.time.Clock;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.security.Role;
import io.dunning.security.UserDirectory;
import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import io.dunning.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Claims: a task belongs to one collector of its group at a time. */
@Service
class TaskAssignment {

	private final Tasks tasks;
	private final CaseHistory history;
	private final Clock clock;
	private final UserDirectory users;

	TaskAssignment(Tasks tasks, CaseHistory history, Clock clock, UserDirectory users) {
		this.tasks = tasks;
		this.history = history;
		this.clock = clock;
		this.users = users;
	}

	@Transactional
	Task claim(TaskId id, Actor actor) {
		Task task = lockWorkable(id, actor);
		if (task.isClaimedBy(actor)) {
			return task;
		}
		claim(task, actor, false);
		return task.claimedBy(actor);
	}

	/** The assignee gives the task back to the group; a manager may take it from anyone. */
	@Transactional
	void unclaim(TaskId id, Actor actor, boolean manager) {
		Task task = tasks.lock(id).orElseThrow(() -> new NotFoundException("Task " + id + " does not exist."));
		if (task.state() != TaskState.OPEN) {
			throw new ConflictException("Task " + id + " is " + task.state().name().toLowerCase() + ".");
		}
		if (!manager && !task.isClaimedBy(actor)) {
			throw new AccessDeniedException("Only the assignee or a manager may release task " + id + ".");
		}
		tasks.assign(id, null, null);
		history.append(task.invoiceNumber(), HistoryType.TASK_CLAIMED, task.elementId(), actor.name(),
				Map.of("taskId", id.value(), "released", true));
	}

	/**
	 * A manager assigns or reassigns a task to a user who may work it: a collector or a manager of the task's
	 * candidate group. A name that is no such user would hide the task from every list.
	 */
	@Transactional
	void assign(TaskId id, String assignee, Actor manager) {
		Task task = tasks.lock(id).orElseThrow(() -> new NotFoundException("Task " + id + " does not exist."));
		if (task.state() != TaskState.OPEN) {
			throw new ConflictException("Task " + id + " is " + task.state().name().toLowerCase() + ".");
		}
		boolean mayWork = users.find(assignee)
			.filter(user -> user.hasAnyRole(Role.COLLECTOR, Role.MANAGER))
			.filter(user -> task.candidateGroup() == null || user.groups().contains(task.candidateGroup()))
			.isPresent();
		if (!mayWork) {
			throw BadInputException.of("assignee", "'" + assignee + "' is not a user who may work this task"
					+ (task.candidateGroup() == null ? "" : " (group " + task.candidateGroup() + ")"));
		}
		tasks.assign(id, assignee, clock.instant());
		history.append(task.invoiceNumber(), HistoryType.TASK_CLAIMED, task.elementId(), manager.name(),
				Map.of("taskId", id.value(), "assignee", assignee));
	}

	/** Locks the task against concurrent claims and completions, and checks the actor may work it now. */
	@Transactional(propagation = Propagation.MANDATORY)
	Task lockWorkable(TaskId id, Actor actor) {
		Task task = tasks.lock(id).orElseThrow(() -> new NotFoundException("Task " + id + " does not exist."));
		task.checkWorkableBy(actor);
		return task;
	}

	/** Locks the task and checks the actor may complete it, or send their unconfirmed completion again. */
	@Transactional(propagation = Propagation.MANDATORY)
	Task lockCompletable(TaskId id, Actor actor) {
		Task task = tasks.lock(id).orElseThrow(() -> new NotFoundException("Task " + id + " does not exist."));
		task.checkCompletableBy(actor);
		return task;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void claim(Task task, Actor actor, boolean byCompleting) {
		tasks.claim(task.id(), actor.name(), clock.instant());
		history.append(task.invoiceNumber(), HistoryType.TASK_CLAIMED, task.elementId(), actor.name(),
				byCompleting ? Map.of("taskId", task.id().value(), "byCompleting", true)
						: Map.of("taskId", task.id().value()));
	}

}
