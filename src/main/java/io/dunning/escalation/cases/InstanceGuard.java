package io.dunning.escalation.cases;

import java.util.Optional;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.engine.EngineRun;
import io.dunning.escalation.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one instance per case run. The first job of every instance asks here before it records or does anything
 * (that is the entering of its first step, whether the instance starts at the beginning or before a step), and
 * so does every later entering, which costs nothing more once the case row names the instance. The case is bound to the first instance that asks; an
 * instance that finds another one bound, or the case claimed by another engine run, is a duplicate (a create whose
 * answer was lost and that was sent again) and is cancelled before its step does anything. See {@link ProcessStarter}.
 */
@Component
public class InstanceGuard {

	private static final Logger log = LoggerFactory.getLogger(InstanceGuard.class);

	private final Cases cases;
	private final EngineRun engineRun;
	private final CamundaClient client;

	InstanceGuard(Cases cases, EngineRun engineRun, CamundaClient client) {
		this.cases = cases;
		this.engineRun = engineRun;
		this.client = client;
	}

	/**
	 * @return true when the job's instance runs the (open) case; false when it was a duplicate, now cancelled: the
	 *         caller does nothing more
	 */
	public boolean admits(ActivatedJob job, DunningCase dunningCase) {
		long instance = job.getProcessInstanceKey();
		if (dunningCase.processInstanceKey() != null && dunningCase.processInstanceKey() == instance
				&& engineRun.id().equals(dunningCase.engineRun())) {
			return true;
		}
		Optional<Long> bound = cases.bindInstance(dunningCase.id(), engineRun.id(), instance);
		if (bound.isPresent() && bound.get() == instance) {
			return true;
		}
		if (cases.find(dunningCase.id()).filter(c -> c.status() == CaseStatus.OPEN).isEmpty()) {
			// Closed meanwhile: the stop message ends the instance; nothing to guard.
			return true;
		}
		log.warn("Case {}: instance {} is a duplicate ({}), cancelled before it did anything", dunningCase.id().value(),
				instance, bound.map(other -> "instance " + other + " runs the case").orElse("the case runs in another engine run"));
		client.newCancelInstanceCommand(instance).send().join();
		return false;
	}

}
