package io.dunning.payment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.invoice.Balances;
import io.dunning.invoice.Money;
import io.dunning.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a payment once per reference, lowers the balance, and tells the rest of the product. */
@Service
class PaymentIntake {

	private static final Logger log = LoggerFactory.getLogger(PaymentIntake.class);

	private final Payments payments;
	private final Balances balances;
	private final CaseHistory history;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PaymentIntake(Payments payments, Balances balances, CaseHistory history, ApplicationEventPublisher events,
			Clock clock) {
		this.payments = payments;
		this.balances = balances;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/** @return true if the payment is new, false if the same payment was already recorded */
	@Transactional
	boolean receive(Payment payment, String actor) {
		Optional<Payment> known = payments.find(payment.reference());
		if (known.isPresent()) {
			if (known.get().equals(payment)) {
				return false;
			}
			throw new ConflictException("Payment " + payment.reference() + " is already recorded with other details.");
		}
		Money left = balances.apply(payment.invoiceNumber(), payment.amount(), payment.reference());
		payments.insert(payment, clock.instant());
		history.append(payment.invoiceNumber(), HistoryType.PAYMENT_RECEIVED, null, actor,
				Map.of("reference", payment.reference(), "amount", payment.amount().toString(), "paidOn",
						payment.paidOn().toString(), "balanceLeft", left.toString()));
		events.publishEvent(new PaymentReceived(payment.reference(), payment.invoiceNumber(),
				payment.amount().amount(), payment.amount().currency().getCurrencyCode(), left.amount(),
				payment.paidOn()));
		log.info("Payment {} of {} on invoice {}: {} left", payment.reference(), payment.amount(),
				payment.invoiceNumber(), left);
		return true;
	}

}
