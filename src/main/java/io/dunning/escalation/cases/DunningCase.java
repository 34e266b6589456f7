package io.dunning.escalation.cases;

import java.time.Instant;

import io.dunning.escalation.CaseId;
import io.dunning.escalation.CaseStatus;

/**
 * One case per overdue invoice: where its path stands. The engine's instance key is only meaningful within
 * {@code engineRun}; the case row, not the engine, is the source of truth.
 */
public record DunningCase(CaseId id, String invoiceNumber, CaseStatus status, String currentStep, Integer processVersion,
		Long processInstanceKey, String engineRun, String variables, Instant openedAt, Instant closedAt) {
}
