package io.dunning.invoice;

import java.util.Optional;

/**
 * Where an invoice's dunning case stands, as the invoice status shows it. The escalation module provides it, so
 * that this module can answer for an invoice without depending on escalation.
 */
public interface CaseProgress {

	Optional<Snapshot> of(String invoiceNumber);

	record Snapshot(String status, String currentStep, Integer processVersion) {
	}

}
