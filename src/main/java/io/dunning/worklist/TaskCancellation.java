package io.dunning.worklist;

import java.time.Clock;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import io.dunning.escalation.CaseClosed;

/** A closed case (paid, handed over, cancelled) leaves nothing for a collector to do. */
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

	@Transactional
	void cancelOpenOf(String invoiceNumber, String caseStatus) {
		for (Task task : tasks.lockOpenOf(invoiceNumber)) {
			tasks.cancel(task.id(), clock.instant());
			history.append(task.invoiceNumber(), HistoryType.TASK_CANCELLED, task.elementId(), "system",
					Map.of("taskId", task.id().value(), "reason", "case " + caseStatus.toLowerCase()));
		}
	}

}
