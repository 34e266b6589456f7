package io.dunning.escalation.pause;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Blocks are active while not lifted and {@code today < expires_on}: on its expiry date dunning goes on. */
@Repository
class Blocks {

	private static final String SELECT = """
			SELECT id, invoice_number, customer_id, reason, expires_on, created_by, created_at FROM dunning_block
			""";

	private final JdbcClient jdbc;

	Blocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String invoiceNumber, String customerId, String reason, LocalDate expiresOn, String actor, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dunning_block (invoice_number, customer_id, reason, expires_on, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(invoiceNumber, customerId, reason, expiresOn, actor, Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Block> findActive(long id, LocalDate today) {
		return jdbc.sql(SELECT + " WHERE id = ? AND lifted_at IS NULL AND expires_on > ?")
			.params(id, today)
			.query(Blocks::map)
			.optional();
	}

	List<Block> active(LocalDate today) {
		return jdbc.sql(SELECT + " WHERE lifted_at IS NULL AND expires_on > ? ORDER BY expires_on, id")
			.param(today)
			.query(Blocks::map)
			.list();
	}

	/** Of the blocks that hold this invoice today (its own and its customer's), the one that ends last. */
	Optional<Block> lastingActiveFor(String invoiceNumber, String customerId, LocalDate today) {
		return jdbc.sql(SELECT + """
				WHERE lifted_at IS NULL AND expires_on > ? AND (invoice_number = ? OR customer_id = ?)
				ORDER BY expires_on DESC, id DESC LIMIT 1
				""")
			.params(today, invoiceNumber, customerId)
			.query(Blocks::map)
			.optional();
	}

	/** The customer's blocks and its invoices' blocks active today. */
	List<Block> activeOfCustomer(String customerId, List<String> invoiceNumbers, LocalDate today) {
		return jdbc.sql(SELECT + """
				WHERE lifted_at IS NULL AND expires_on > :today
				  AND (customer_id = :customer OR invoice_number IN (:numbers))
				ORDER BY expires_on, id
				""")
			.param("today", today)
			.param("customer", customerId)
			.param("numbers", invoiceNumbers.isEmpty() ? List.of("") : invoiceNumbers)
			.query(Blocks::map)
			.list();
	}

	boolean lift(long id, String actor, Instant now) {
		return jdbc.sql("UPDATE dunning_block SET lifted_by = ?, lifted_at = ? WHERE id = ? AND lifted_at IS NULL")
			.params(actor, Timestamp.from(now), id)
			.update() == 1;
	}

	private static Block map(ResultSet rs, int row) throws SQLException {
		return new Block(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("customer_id"),
				rs.getString("reason"), rs.getObject("expires_on", LocalDate.class), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

}
