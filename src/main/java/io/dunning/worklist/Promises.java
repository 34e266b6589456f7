package io.dunning.worklist;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The promise table: promises and plans per invoice, listed per customer or paged by key (newest first). */
@Repository
class Promises {

	static final int PAGE = 50;

	/** A search by name looks among this many customers whose name contains the text. */
	private static final int SEARCHED_CUSTOMERS = 500;

	private static final TypeReference<List<Promise.Instalment>> INSTALMENTS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			SELECT id, kind, invoice_number, customer_id, customer_name, amount, currency, promised_on, deadline, paid,
			       kept_on, instalments, made_by, made_at, agreement
			FROM promise
			""";

	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final InvoiceCatalog invoices;

	Promises(JdbcClient jdbc, ObjectMapper json, InvoiceCatalog invoices) {
		this.jdbc = jdbc;
		this.json = json;
		this.invoices = invoices;
	}

	/**
	 * What a new promise or plan says; {@code source} names what made it, once; {@code agreement} the call that agreed
	 * a plan, shared by the plans of the invoices ticked in it (null for a promise).
	 */
	record Made(String source, Promise.Kind kind, String invoiceNumber, String customerId, String customerName,
			BigDecimal amount, String currency, LocalDate promisedOn, LocalDate deadline,
			List<Promise.Instalment> instalments, String madeBy, Instant madeAt, String agreement) {

		Made(String source, Promise.Kind kind, String invoiceNumber, String customerId, String customerName,
				BigDecimal amount, String currency, LocalDate promisedOn, LocalDate deadline,
				List<Promise.Instalment> instalments, String madeBy, Instant madeAt) {
			this(source, kind, invoiceNumber, customerId, customerName, amount, currency, promisedOn, deadline,
					instalments, madeBy, madeAt, null);
		}

	}

	/** @return false when its source was already recorded */
	boolean record(Made made) {
		try {
			jdbc.sql("""
					INSERT INTO promise (kind, invoice_number, customer_id, customer_name, amount, currency, promised_on,
					                     deadline, paid, instalments, made_by, made_at, source, agreement)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
					""")
				.params(made.kind().name(), made.invoiceNumber(), made.customerId(), made.customerName(),
						made.amount(), made.currency(), Date.valueOf(made.promisedOn()), Date.valueOf(made.deadline()),
						made.instalments().isEmpty() ? null : write(made.instalments()), made.madeBy(),
						Timestamp.from(made.madeAt()), made.source(), made.agreement())
				.update();
			return true;
		}
		catch (DuplicateKeyException alreadyRecorded) {
			return false;
		}
	}

	List<Promise> lockOfInvoice(String invoiceNumber) {
		return jdbc.sql(COLUMNS + " WHERE invoice_number = ? ORDER BY id FOR UPDATE")
			.param(invoiceNumber)
			.query(this::promise)
			.list();
	}

	void follow(long id, BigDecimal paid, LocalDate deadline, LocalDate keptOn) {
		jdbc.sql("UPDATE promise SET paid = ?, deadline = ?, kept_on = ? WHERE id = ?")
			.params(paid, Date.valueOf(deadline), keptOn == null ? null : Date.valueOf(keptOn), id)
			.update();
	}

	List<Promise> ofCustomer(String customerId) {
		return jdbc.sql(COLUMNS + " WHERE customer_id = ? ORDER BY id DESC")
			.param(customerId)
			.query(this::promise)
			.list();
	}

	/** One page, newest first, after the id where the previous page ended; one more row when there is a next page. */
	List<Promise> page(Promise.Status status, String customer, LocalDate today, Long after) {
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (status != null) {
			switch (status) {
				case KEPT -> where.add("kept_on IS NOT NULL");
				case OPEN -> {
					where.add("kept_on IS NULL AND deadline >= ?");
					params.add(Date.valueOf(today));
				}
				case BROKEN -> {
					where.add("kept_on IS NULL AND deadline < ?");
					params.add(Date.valueOf(today));
				}
			}
		}
		if (customer != null) {
			List<String> named = invoices.customerIdsNamedLike(customer, SEARCHED_CUSTOMERS);
			where.add("(customer_id = ? OR invoice_number = ?" + (named.isEmpty() ? ""
					: " OR customer_id IN (" + String.join(", ", Collections.nCopies(named.size(), "?")) + ")") + ")");
			params.add(customer);
			params.add(customer);
			params.addAll(named);
		}
		if (after != null) {
			where.add("id < ?");
			params.add(after);
		}
		return jdbc.sql(COLUMNS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY id DESC LIMIT " + (PAGE + 1))
			.params(params)
			.query(this::promise)
			.list();
	}

	private Promise promise(ResultSet rs, int row) throws SQLException {
		Date kept = rs.getDate("kept_on");
		String instalments = rs.getString("instalments");
		return new Promise(rs.getLong("id"), Promise.Kind.valueOf(rs.getString("kind")), rs.getString("invoice_number"),
				rs.getString("customer_id"), rs.getString("customer_name"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getDate("promised_on").toLocalDate(), rs.getDate("deadline").toLocalDate(),
				rs.getBigDecimal("paid"), kept == null ? null : kept.toLocalDate(),
				instalments == null ? List.of() : read(instalments), rs.getString("made_by"),
				rs.getTimestamp("made_at").toInstant(), rs.getString("agreement"));
	}

	private String write(List<Promise.Instalment> instalments) {
		try {
			return json.writeValueAsString(instalments);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<Promise.Instalment> read(String text) {
		try {
			return json.readValue(text, INSTALMENTS);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable plan instalments", e);
		}
	}

}
