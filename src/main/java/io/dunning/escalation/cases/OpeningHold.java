package io.dunning.escalation.cases;

import java.util.Map;
import java.util.Optional;

/**
 * Asked before a case's path first starts: something that already holds the invoice (a block on its customer set
 * before the invoice fell overdue) makes the instance start at that hold's wait, so that nothing is sent first.
 */
public interface OpeningHold {

	/** The wait to start before, with the variables it needs; empty to start at the beginning. */
	Optional<HeldStart> heldStart(String invoiceNumber);

	record HeldStart(String step, Map<String, Object> variables) {
	}

}
