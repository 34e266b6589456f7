package io.dunning.escalation.cases;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.escalation.CaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves a case to a fresh instance started before another step (or at the beginning), as rehydration does: Zeebe
 * cannot move a running instance's token or timers, so a pause that ends, or a hold that changes, restarts the case.
 * Only the instance bound to the case may hand it over, so a job delivered twice hands it over once; the old
 * instance then runs to its end. The new instance is created after the commit; if that fails (or the process dies
 * first) the case has no engine run and the rehydrator's sweep starts it.
 */
@Component
public class PathHandover {

	private static final Logger log = LoggerFactory.getLogger(PathHandover.class);

	private final Cases cases;
	private final ProcessStarter starter;
	private final ObjectMapper json;

	PathHandover(Cases cases, ProcessStarter starter, ObjectMapper json) {
		this.cases = cases;
		this.starter = starter;
		this.json = json;
	}

	/**
	 * @param fromInstance the instance that hands the case over: it must be the one bound to the case
	 * @param step the step to start before, or null for the beginning
	 * @param variables the case's variables for the new instance
	 * @return false when the case is closed or bound to another instance: nothing changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean handOver(DunningCase dunningCase, long fromInstance, String step, Map<String, Object> variables) {
		boolean moved = cases.unbindToRestart(dunningCase.id(), fromInstance, step, write(variables));
		if (moved) {
			CaseId id = dunningCase.id();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					start(id);
				}
			});
		}
		return moved;
	}

	private void start(CaseId id) {
		try {
			starter.start(id).whenComplete((started, failure) -> {
				if (failure != null) {
					log.warn("Case {}: its new instance will be started by the sweep: {}", id.value(), failure.getMessage());
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("Case {}: its new instance will be started by the sweep: {}", id.value(), e.getMessage());
		}
	}

	/** The case as it stands now, read in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<DunningCase> lockOpen(String invoiceNumber) {
		return cases.lockOpen(invoiceNumber);
	}

	private String write(Map<String, Object> variables) {
		try {
			return json.writeValueAsString(variables);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("case variables must be JSON-serialisable", e);
		}
	}

}
