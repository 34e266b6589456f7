package io.dunning.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Invoices {

	private static final String SELECT = """
			SELECT i.invoice_number, i.amount, i.currency, i.issue_date, i.due_date, i.balance, i.cancelled_at,
			""" + Customers.COLUMNS + """
			FROM invoice i JOIN customer c ON c.id = i.customer_id
			""";

	private final JdbcClient jdbc;

	Invoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Invoice> find(String number) {
		return jdbc.sql(SELECT + " WHERE i.invoice_number = ?").param(number).query(Invoices::map).optional();
	}

	int countOverdueOf(String customerExternalId, String exceptNumber) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM invoice i JOIN customer c ON c.id = i.customer_id
				WHERE c.external_id = ? AND i.invoice_number <> ? AND i.overdue_since IS NOT NULL
				""")
			.params(customerExternalId, exceptNumber)
			.query(Integer.class)
			.single();
	}

	/** The customer's invoices still owed (a balance, not cancelled), oldest due date first. */
	List<Invoice> openOf(String customerExternalId) {
		return jdbc.sql(SELECT + """
				WHERE c.external_id = ? AND i.cancelled_at IS NULL AND i.balance > 0
				ORDER BY i.due_date, i.invoice_number
				""")
			.param(customerExternalId)
			.query(Invoices::map)
			.list();
	}

	Optional<Invoice> findForUpdate(String number) {
		return jdbc.sql(SELECT + " WHERE i.invoice_number = ? FOR UPDATE").param(number).query(Invoices::map).optional();
	}

	List<Invoice> findAll(Collection<String> numbers) {
		List<String> all = List.copyOf(numbers);
		List<Invoice> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += Customers.CHUNK) {
			found.addAll(jdbc.sql(SELECT + " WHERE i.invoice_number IN (:numbers)")
				.param("numbers", all.subList(from, Math.min(all.size(), from + Customers.CHUNK)))
				.query(Invoices::map)
				.list());
		}
		return found;
	}

	void insert(Invoice invoice, long customerId, Instant now) {
		jdbc.sql("""
				INSERT INTO invoice (invoice_number, customer_id, amount, currency, issue_date, due_date, balance, created_at)
				VALUES (:number, :customer, :amount, :currency, :issued, :due, :balance, :now)
				""")
			.param("number", invoice.number())
			.param("customer", customerId)
			.param("amount", invoice.amount().amount())
			.param("currency", invoice.amount().currency().getCurrencyCode())
			.param("issued", invoice.issueDate())
			.param("due", invoice.dueDate())
			.param("balance", invoice.balance().amount())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The customer's invoices still owed (not cancelled, a balance left), by number. */
	List<String> owedNumbersOf(String customerExternalId) {
		return jdbc.sql("""
				SELECT i.invoice_number FROM invoice i JOIN customer c ON c.id = i.customer_id
				WHERE c.external_id = ? AND i.cancelled_at IS NULL AND i.balance > 0
				ORDER BY i.invoice_number
				""")
			.param(customerExternalId)
			.query(String.class)
			.list();
	}

	boolean customerExists(String customerExternalId) {
		return jdbc.sql("SELECT COUNT(*) FROM customer WHERE external_id = ?")
			.param(customerExternalId)
			.query(Integer.class)
			.single() > 0;
	}

	void correct(String number, LocalDate dueDate, Money amount, Money balance) {
		jdbc.sql("UPDATE invoice SET due_date = ?, amount = ?, balance = ? WHERE invoice_number = ?")
			.params(dueDate, amount.amount(), balance.amount(), number)
			.update();
	}

	void updateBalance(String number, Money balance) {
		jdbc.sql("UPDATE invoice SET balance = ? WHERE invoice_number = ?").params(balance.amount(), number).update();
	}

	/** Invoices with a balance, due before the cutoff, for which no case was requested yet. */
	List<String> overdueCandidates(LocalDate dueBefore, int limit) {
		return jdbc.sql("""
				SELECT invoice_number FROM invoice
				WHERE overdue_since IS NULL AND cancelled_at IS NULL AND balance > 0 AND due_date < ?
				ORDER BY due_date, id LIMIT ?
				""")
			.params(dueBefore, limit)
			.query(String.class)
			.list();
	}

	boolean cancel(String number, String reason, Instant now) {
		return jdbc.sql("UPDATE invoice SET cancelled_at = ?, cancel_reason = ? WHERE invoice_number = ? AND cancelled_at IS NULL")
			.params(Timestamp.from(now), reason, number)
			.update() == 1;
	}

	boolean markOverdue(String number, Instant now) {
		return jdbc.sql("UPDATE invoice SET overdue_since = ? WHERE invoice_number = ? AND overdue_since IS NULL")
			.params(Timestamp.from(now), number)
			.update() == 1;
	}

	private static Invoice map(ResultSet rs, int row) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		Customer customer = Customers.map(rs);
		return new Invoice(rs.getString("invoice_number"), customer, money(rs.getBigDecimal("amount"), currency),
				rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
				money(rs.getBigDecimal("balance"), currency),
				rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant());
	}

	private static Money money(BigDecimal amount, Currency currency) {
		return new Money(amount, currency);
	}

}
