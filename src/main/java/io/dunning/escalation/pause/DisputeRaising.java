package io.dunning.escalation.pause;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.cases.Cases;
import io.dunning.escalation.cases.DunningCase;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.web.ConflictException;
import io.dunning.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a dispute on an invoice whose case runs, and holds its path: the case's hold begins now (the shift of its
 * timers is counted from here) and the engine is told, which interrupts the path wherever it waits.
 */
@Service
class DisputeRaising {

	private final InvoiceCatalog invoices;
	private final Cases cases;
	private final Disputes disputes;
	private final PathHolding holding;
	private final CaseHistory history;
	private final PauseMessages messages;
	private final Clock clock;

	DisputeRaising(InvoiceCatalog invoices, Cases cases, Disputes disputes, PathHolding holding, CaseHistory history,
			PauseMessages messages, Clock clock) {
		this.invoices = invoices;
		this.cases = cases;
		this.disputes = disputes;
		this.holding = holding;
		this.history = history;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param resumeStep where the path resumes once the dispute is over; null for the step the case stands at
	 * @throws NotFoundException for an unknown invoice
	 * @throws ConflictException when the case is closed (or never opened) or a dispute is open already
	 */
	@Transactional
	Dispute raise(String invoiceNumber, DisputeReason reason, String comment, String actor, String resumeStep) {
		// Holding the invoice row: a payment landing meanwhile either comes first (and the case is closed) or waits.
		Invoice invoice = invoices.lock(invoiceNumber).orElseThrow(() -> new NotFoundException("No invoice " + invoiceNumber));
		DunningCase dunningCase = cases.findOpen(invoiceNumber)
			.filter(c -> !invoice.isSettled() && !invoice.isCancelled())
			.orElseThrow(() -> new ConflictException("Invoice " + invoiceNumber + " has no open case to dispute."));
		if (disputes.findOpen(invoiceNumber).isPresent()) {
			throw new ConflictException("Invoice " + invoiceNumber + " already has an open dispute.");
		}
		long id;
		try {
			id = disputes.insert(invoiceNumber, reason, comment, actor, clock.instant());
		}
		catch (DuplicateKeyException raced) {
			throw new ConflictException("Invoice " + invoiceNumber + " already has an open dispute.");
		}
		Map<String, Object> details = new HashMap<>();
		details.put("disputeId", id);
		details.put("reason", reason.name());
		if (comment != null) {
			details.put("comment", comment);
		}
		history.append(invoiceNumber, HistoryType.DISPUTE_RAISED, dunningCase.currentStep(), actor, details);
		String step = resumeStep != null ? resumeStep : dunningCase.currentStep();
		holding.hold(invoiceNumber, step, actor, "dispute", Map.of());
		messages.publishAfterCommit(PauseMessages.DISPUTE_RAISED, invoiceNumber, PauseMessages.DISPUTE_RAISED + "-" + id,
				Map.of("disputeId", id, "disputeReason", reason.name()));
		return new Dispute(id, invoiceNumber, reason, comment, actor, clock.instant(), null);
	}

}
