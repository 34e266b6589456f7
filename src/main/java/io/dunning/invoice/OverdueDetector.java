package io.dunning.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.dunning.engine.ClockAdvanced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the way to a dunning case once the clock passes an unpaid invoice's due date plus the grace. Runs right
 * after intake, after every clock advance, and in a daily sweep. Each invoice is announced once.
 */
@Component
class OverdueDetector {

	private static final Logger log = LoggerFactory.getLogger(OverdueDetector.class);
	private static final int BATCH = 500;

	private final Invoices invoices;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final OverdueRule rule;
	private final Clock clock;

	OverdueDetector(Invoices invoices, ApplicationEventPublisher events, TransactionTemplate transactions,
			OverdueRule rule, Clock clock) {
		this.invoices = invoices;
		this.events = events;
		this.transactions = transactions;
		this.rule = rule;
		this.clock = clock;
	}

	/** Announces an invoice just received, within the intake's transaction, if it is already overdue. */
	@Transactional
	void checkNew(Invoice invoice) {
		if (rule.isOverdue(invoice)) {
			announce(invoice);
		}
	}

	@Scheduled(cron = "${dunning.overdue.sweep-cron}", zone = "${dunning.zone}")
	void dailySweep() {
		sweep();
	}

	// Not one transaction around the whole sweep: each batch commits on its own, and its cases open meanwhile.
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void onClockAdvanced(ClockAdvanced advanced) {
		sweep();
	}

	int sweep() {
		LocalDate cutoff = rule.cutoff();
		int total = 0;
		while (true) {
			Integer announced = transactions.execute(tx -> {
				List<String> batch = invoices.overdueCandidates(cutoff, BATCH);
				batch.forEach(number -> invoices.find(number).ifPresent(this::announce));
				return batch.size();
			});
			total += announced;
			if (announced < BATCH) {
				break;
			}
		}
		if (total > 0) {
			log.info("Overdue sweep: {} invoice(s) due before {} are now overdue", total, cutoff);
		}
		return total;
	}

	private void announce(Invoice invoice) {
		if (invoices.markOverdue(invoice.number(), clock.instant())) {
			events.publishEvent(new InvoiceOverdue(invoice.number(), invoice.dueDate()));
		}
	}

}
