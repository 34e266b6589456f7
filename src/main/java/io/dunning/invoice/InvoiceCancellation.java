package io.dunning.invoice;

import java.time.Clock;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.web.ConflictException;
import io.dunning.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancels an invoice once; cancelling it again changes nothing. A settled invoice cannot be cancelled. */
@Service
class InvoiceCancellation {

	private static final Logger log = LoggerFactory.getLogger(InvoiceCancellation.class);

	private final Invoices invoices;
	private final CaseHistory history;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InvoiceCancellation(Invoices invoices, CaseHistory history, ApplicationEventPublisher events, Clock clock) {
		this.invoices = invoices;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/** @return true if this call cancelled it, false if it was already cancelled */
	@Transactional
	boolean cancel(String number, String reason, String actor) {
		Invoice invoice = invoices.findForUpdate(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
		if (invoice.isCancelled()) {
			return false;
		}
		if (invoice.isSettled()) {
			throw new ConflictException("Invoice " + number + " is already paid; it cannot be cancelled.");
		}
		invoices.cancel(number, reason, clock.instant());
		history.append(number, HistoryType.INVOICE_CANCELLED, null, actor, Map.of("reason", reason));
		events.publishEvent(new InvoiceCancelled(number, reason));
		log.info("Invoice {} cancelled by {}: {}", number, actor, reason);
		return true;
	}

}
