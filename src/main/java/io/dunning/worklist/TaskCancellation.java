package io.dunning.worklist;

import java.time.Clock;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseClosed;
import io.dunning.escalation.CaseHeld;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A closed case (paid, handed over, cancelled) leaves nothing for a collector to do, and a held one (a dispute, a
 * block) nothing to do until it resumes: its open tasks leave the working lists. The engine ended their jobs when the
 * path was held; the resumed path opens them anew, with their SLA moved by the pause.
 */
@Component
class TaskCancellation {

	private final Tasks tasks;
	private final CaseHistory history;
	private final Clock clock;

	TaskCancellation(Tasks tasks, CaseHistory history, Clock clock) {
		this.tasks = tasks;
		this.history = history;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseClosed closed) {
		cancelOpenOf(closed.invoiceNumber(), closed.status().name());
	}

	@ApplicationModuleListener
	void on(CaseHeld held) {
		for (Task task : tasks.lockOpenOf(held.invoiceNumber(), held.since())) {
			if (held.holdSteps().contains(task.elementId())) {
				continue;
			}
			tasks.cancel(task.id(), clock.instant());
			history.append(task.invoiceNumber(), HistoryType.TASK_CANCELLED, task.elementId(), "system",
					Map.of("taskId", task.id().value(), "reason", "case held by a " + held.by()));
		}
	}

	@Transactional
	void cancelOpenOf(String invoiceNumber, String caseStatus) {
		for (Task task : tasks.lockOpenOf(invoiceNumber)) {
			tasks.cancel(task.id(), clock.instant());
			history.append(task.invoiceNumber(), HistoryType.TASK_CANCELLED, task.elementId(), "system",
					Map.of("taskId", task.id().value(), "reason", "case " + caseStatus.toLowerCase()));
		}
	}

}
