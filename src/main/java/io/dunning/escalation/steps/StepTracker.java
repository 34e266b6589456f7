package io.dunning.escalation.steps;

import java.util.Map;
import java.util.Optional;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.engine.EngineRun;
import io.dunning.escalation.JobFailures;
import io.dunning.escalation.cases.Cases;
import io.dunning.escalation.cases.DunningCase;
import io.dunning.escalation.cases.InstanceGuard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each case stands. Entering a step records it, with the case's variables, so a restarted engine can start
 * the case right there; entering and leaving are both written to the history. Wait states (timers, user tasks, the
 * plan watch) report through execution listeners; a service task's own worker reports its step through
 * {@link ServiceStepRecording}, which saves two engine jobs per service task.
 * <p>
 * Every entering first asks the {@link InstanceGuard}: the first job of an instance is always an entering, so a
 * duplicate instance is cancelled before it does anything.
 */
@Component
public class StepTracker {

	private final Cases cases;
	private final CaseHistory history;
	private final EngineRun engineRun;
	private final InstanceGuard guard;

	StepTracker(Cases cases, CaseHistory history, EngineRun engineRun, InstanceGuard guard) {
		this.cases = cases;
		this.history = history;
		this.engineRun = engineRun;
		this.guard = guard;
	}

	/** Entering a step the case can be restarted before. */
	@JobWorker(type = "dunning:enter-step:1")
	@Transactional
	public void enterStep(ActivatedJob job, @Variable String invoiceNumber) {
		JobFailures.retrying(job, () -> enter(job, invoiceNumber, "listener"));
	}

	@JobWorker(type = "dunning:leave-step:1")
	@Transactional
	public void leaveStep(ActivatedJob job, @Variable String invoiceNumber) {
		JobFailures.retrying(job, () -> record(job, invoiceNumber, HistoryType.STEP_LEFT, "listener"));
	}

	/** A step inside an instalment's watch: history only, the case restarts before the whole watch. */
	@JobWorker(type = "dunning:enter-plan-step:1")
	@Transactional
	public void enterPlanStep(ActivatedJob job, @Variable String invoiceNumber) {
		JobFailures.retrying(job, () -> record(job, invoiceNumber, HistoryType.STEP_ENTERED, "listener"));
	}

	/**
	 * A service task's worker is about to do its step.
	 *
	 * @return false when the job's instance is a duplicate, now cancelled: the worker must not act
	 */
	@Transactional
	public boolean enterServiceStep(ActivatedJob job, String invoiceNumber) {
		return enter(job, invoiceNumber, "enter");
	}

	/** A service task's worker has done its step. */
	@Transactional
	public void leaveServiceStep(ActivatedJob job, String invoiceNumber) {
		record(job, invoiceNumber, HistoryType.STEP_LEFT, "leave");
	}

	private boolean enter(ActivatedJob job, String invoiceNumber, String phase) {
		Optional<DunningCase> open = cases.findOpen(invoiceNumber);
		if (open.isEmpty()) {
			return true;
		}
		if (!guard.admits(job, open.get())) {
			return false;
		}
		append(job, invoiceNumber, HistoryType.STEP_ENTERED, phase);
		cases.recordStep(open.get().id(), job.getElementId(), job.getProcessDefinitionVersion(), job.getVariables());
		return true;
	}

	/** @return false when the case is not open: nothing to record */
	private boolean record(ActivatedJob job, String invoiceNumber, HistoryType type, String phase) {
		boolean open = cases.findOpen(invoiceNumber).isPresent();
		if (open) {
			append(job, invoiceNumber, type, phase);
		}
		return open;
	}

	/**
	 * Job keys are unique only within one engine run, hence the run in the source; a service task's job records both
	 * its entering and its leaving, hence the phase.
	 */
	private void append(ActivatedJob job, String invoiceNumber, HistoryType type, String phase) {
		String source = engineRun.id() + ":" + job.getKey() + ("listener".equals(phase) ? "" : ":" + phase);
		history.appendOnce(source, invoiceNumber, type, job.getElementId(), "system",
				Map.of("processVersion", job.getProcessDefinitionVersion()));
	}

}
