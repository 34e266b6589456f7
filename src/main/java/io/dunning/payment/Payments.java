package io.dunning.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import io.dunning.invoice.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Payments {

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Payment> find(String reference) {
		return jdbc.sql("SELECT reference, invoice_number, amount, currency, paid_on FROM payment WHERE reference = ?")
			.param(reference)
			.query((rs, n) -> new Payment(rs.getString("reference"), rs.getString("invoice_number"),
					Money.of(rs.getBigDecimal("amount").toPlainString(), rs.getString("currency")),
					rs.getObject("paid_on", LocalDate.class)))
			.optional();
	}

	void insert(Payment payment, Instant now) {
		jdbc.sql("""
				INSERT INTO payment (reference, invoice_number, amount, currency, paid_on, received_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(payment.reference(), payment.invoiceNumber(), payment.amount().amount(),
					payment.amount().currency().getCurrencyCode(), payment.paidOn(), Timestamp.from(now))
			.update();
	}

}
