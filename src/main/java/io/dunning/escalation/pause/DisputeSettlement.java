package io.dunning.escalation.pause;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceAdjustments;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.invoice.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a manager's resolution of a dispute, once: the dispute row is resolved in the same transaction as the credit
 * note or the correction, so a job delivered again changes nothing twice. Then the path goes on from the hold.
 */
@Service
class DisputeSettlement {

	/** The resolution task's answer, as the diagram maps it into {@code disputeResolution}. */
	record Answer(String resolution, BigDecimal creditAmount, String creditNoteReference, String newDueDate,
			BigDecimal newAmount, String comment) {
	}

	private final Disputes disputes;
	private final InvoiceCatalog invoices;
	private final InvoiceAdjustments adjustments;
	private final CaseHistory history;
	private final PathResumer resumer;
	private final Clock clock;

	DisputeSettlement(Disputes disputes, InvoiceCatalog invoices, InvoiceAdjustments adjustments, CaseHistory history,
			PathResumer resumer, Clock clock) {
		this.disputes = disputes;
		this.invoices = invoices;
		this.adjustments = adjustments;
		this.history = history;
		this.resumer = resumer;
		this.clock = clock;
	}

	@Transactional
	void settle(long instanceKey, String invoiceNumber, Answer answer, String manager) {
		DisputeResolution resolution = DisputeResolution.valueOf(answer.resolution());
		Optional<Dispute> open = disputes.findOpen(invoiceNumber);
		if (open.isPresent() && invoices.lock(invoiceNumber).filter(i -> !i.isSettled() && !i.isCancelled()).isPresent()) {
			apply(open.get(), resolution, answer, manager);
		}
		if (resolution == DisputeResolution.CORRECTED) {
			resumer.restartCase(instanceKey, invoiceNumber);
		}
		else {
			resumer.continueCase(instanceKey, invoiceNumber, "dispute resolved");
		}
	}

	private void apply(Dispute dispute, DisputeResolution resolution, Answer answer, String manager) {
		String number = dispute.invoiceNumber();
		Map<String, Object> details = new HashMap<>();
		details.put("disputeId", dispute.id());
		details.put("resolution", resolution.name());
		if (answer.comment() != null) {
			details.put("comment", answer.comment());
		}
		disputes.resolve(dispute.id(), resolution, manager, clock.instant());
		history.append(number, HistoryType.DISPUTE_RESOLVED, HoldSteps.RESOLVE_DISPUTE, manager, details);
		switch (resolution) {
			case IN_OUR_FAVOUR -> {
			}
			case CREDIT_NOTE -> {
				Invoice invoice = invoices.find(number).orElseThrow();
				// The balance may have gone down since the manager answered (a payment): a credit note never takes
				// it below zero.
				BigDecimal credit = answer.creditAmount().min(invoice.balance().amount());
				adjustments.credit(number, new Money(credit, invoice.balance().currency()),
						answer.creditNoteReference() == null ? "dispute " + dispute.id() : answer.creditNoteReference(),
						manager);
			}
			case CORRECTED -> {
				Invoice invoice = invoices.find(number).orElseThrow();
				Money amount = answer.newAmount() == null ? null : new Money(answer.newAmount(), invoice.amount().currency());
				adjustments.correct(number, LocalDate.parse(answer.newDueDate()), amount, manager);
			}
		}
	}

}
