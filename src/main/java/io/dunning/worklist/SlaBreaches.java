package io.dunning.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that a task's SLA passed: the task is marked, its priority rises and the history says so, all at most once
 * per task whatever the number of deliveries of the job (the mark is conditional, the history entry keyed by the
 * task).
 */
@Service
class SlaBreaches {

	private static final Logger log = LoggerFactory.getLogger(SlaBreaches.class);

	/** A task whose SLA passed, as the managers' notification speaks of it. */
	record Breach(TaskId taskId, String invoiceNumber, String elementId, String candidateGroup, Instant passedAt) {
	}

	private final Tasks tasks;
	private final TaskRows rows;
	private final CaseHistory history;
	private final PriorityWeights weights;
	private final Clock clock;

	SlaBreaches(Tasks tasks, TaskRows rows, CaseHistory history, PriorityWeights weights, Clock clock) {
		this.tasks = tasks;
		this.rows = rows;
		this.history = history;
		this.weights = weights;
		this.clock = clock;
	}

	/**
	 * @return the breach, also when it was recorded by an earlier delivery (its notification may not have gone out);
	 *         empty when the task is no longer open: it was done meanwhile, and nobody needs telling
	 */
	@Transactional
	Optional<Breach> record(String invoiceNumber, String elementId) {
		Optional<Task> open = tasks.findOpen(invoiceNumber, elementId);
		if (open.isEmpty()) {
			log.info("Invoice {}: SLA of {} passed as the task closed, nothing to raise", invoiceNumber, elementId);
			return Optional.empty();
		}
		Task task = open.get();
		Instant now = clock.instant();
		rows.markSlaPassed(task.id(), now, weights.slaPassed());
		history.appendOnce("sla:" + task.id().value(), invoiceNumber, HistoryType.SLA_BREACHED, elementId, "system",
				Map.of("taskId", task.id().value(), "candidateGroup", String.valueOf(task.candidateGroup()),
						"points", weights.slaPassed()));
		return Optional.of(new Breach(task.id(), invoiceNumber, elementId, task.candidateGroup(), now));
	}

}
