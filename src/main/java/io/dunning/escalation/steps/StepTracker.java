package io.dunning.escalation.steps;

import java.util.Map;
import java.util.Optional;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.engine.EngineRun;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import io.dunning.escalation.cases.Cases;
import io.dunning.escalation.cases.DunningCase;

/**
 * Execution listeners on the path's steps. Entering a step records where the case stands, with its variables, so
 * a restarted engine can start the case right there; entering and leaving are both written to the history.
 */
@Component
public class StepTracker {

	private final Cases cases;
	private final CaseHistory history;
	private final EngineRun engineRun;

	StepTracker(Cases cases, CaseHistory history, EngineRun engineRun) {
		this.cases = cases;
		this.history = history;
		this.engineRun = engineRun;
	}

	/** Entering a step the case can be restarted before. */
	@JobWorker(type = "dunning:enter-step:1")
	@Transactional
	public void enterStep(ActivatedJob job, @Variable String invoiceNumber) {
		record(job, invoiceNumber, HistoryType.STEP_ENTERED).ifPresent(dunningCase -> cases
			.recordStep(dunningCase.id(), job.getElementId(), job.getProcessDefinitionVersion(), job.getVariables()));
	}

	@JobWorker(type = "dunning:leave-step:1")
	@Transactional
	public void leaveStep(ActivatedJob job, @Variable String invoiceNumber) {
		record(job, invoiceNumber, HistoryType.STEP_LEFT);
	}

	/** A step inside an instalment's watch: history only, the case restarts before the whole watch. */
	@JobWorker(type = "dunning:enter-plan-step:1")
	@Transactional
	public void enterPlanStep(ActivatedJob job, @Variable String invoiceNumber) {
		record(job, invoiceNumber, HistoryType.STEP_ENTERED);
	}

	/** Job keys are unique only within one engine run, hence the run in the source. */
	private Optional<DunningCase> record(ActivatedJob job, String invoiceNumber, HistoryType type) {
		return cases.findOpen(invoiceNumber).map(dunningCase -> {
			history.appendOnce(engineRun.id() + ":" + job.getKey(), invoiceNumber, type, job.getElementId(), "system",
					Map.of("processVersion", job.getProcessDefinitionVersion()));
			return dunningCase;
		});
	}

}
