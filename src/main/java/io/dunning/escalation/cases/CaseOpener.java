package io.dunning.escalation.cases;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseId;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.invoice.InvoiceOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens one case per overdue invoice, enforced by the unique key on the invoice number, and starts its path. */
@Component
public class CaseOpener {

	private static final Logger log = LoggerFactory.getLogger(CaseOpener.class);

	private final Cases cases;
	private final InvoiceCatalog invoices;
	private final CaseHistory history;
	private final ProcessStarter starter;
	private final OpeningProgress progress;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CaseOpener(Cases cases, InvoiceCatalog invoices, CaseHistory history, ProcessStarter starter,
			OpeningProgress progress, TransactionTemplate transactions, Clock clock) {
		this.progress = progress;
		this.cases = cases;
		this.invoices = invoices;
		this.history = history;
		this.starter = starter;
		this.transactions = transactions;
		this.clock = clock;
	}

	// Not one transaction around the whole handler: each step commits on its own, and the engine is called outside.
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InvoiceOverdue overdue) {
		CaseId id;
		try {
			id = transactions.execute(tx -> {
				// Holding the invoice row while the case opens: a payment landing meanwhile either comes first (and
				// no case opens) or waits and then finds the case to close.
				boolean owed = invoices.lock(overdue.invoiceNumber())
					.filter(i -> !i.isSettled() && !i.isCancelled())
					.isPresent();
				if (!owed) {
					return null;
				}
				CaseId opened = cases.insert(overdue.invoiceNumber(), clock.instant());
				history.append(overdue.invoiceNumber(), HistoryType.CASE_OPENED, null, "system",
						Map.of("caseId", opened.value(), "dueDate", overdue.dueDate().toString()));
				return opened;
			});
		}
		catch (DuplicateKeyException alreadyOpen) {
			log.debug("Invoice {} already has a case", overdue.invoiceNumber());
			return;
		}
		if (id == null) {
			log.info("Invoice {} was paid or cancelled before its case opened: no case", overdue.invoiceNumber());
			return;
		}
		// The case is committed first: if the engine is unreachable now, the rehydrator starts it later. The start is
		// not awaited: this thread goes on to the next case while the engine works.
		progress.sent();
		CompletableFuture<Boolean> start;
		try {
			start = starter.start(id);
		}
		catch (RuntimeException e) {
			start = CompletableFuture.failedFuture(e);
		}
		start.whenComplete((started, failure) -> {
			progress.answered(failure == null);
			if (failure != null) {
				log.warn("Case {} (invoice {}) opened, its instance will be started later: {}", id.value(),
						overdue.invoiceNumber(), failure.getMessage());
			}
		});
	}

}
