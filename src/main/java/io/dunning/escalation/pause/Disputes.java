package io.dunning.escalation.pause;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Disputes {

	private static final String SELECT = """
			SELECT id, invoice_number, reason, comment, raised_by, raised_at, resolution FROM dispute
			""";

	private final JdbcClient jdbc;

	Disputes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Fails with a duplicate key when the invoice already has an open dispute. */
	long insert(String invoiceNumber, DisputeReason reason, String comment, String actor, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dispute (invoice_number, reason, comment, raised_by, raised_at, open_invoice)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(invoiceNumber, reason.name(), comment, actor, Timestamp.from(now), invoiceNumber)
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Dispute> findOpen(String invoiceNumber) {
		return jdbc.sql(SELECT + " WHERE open_invoice = ?").param(invoiceNumber).query(Disputes::map).optional();
	}

	List<Dispute> openOf(List<String> invoiceNumbers) {
		if (invoiceNumbers.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE open_invoice IN (:numbers) ORDER BY raised_at")
			.param("numbers", invoiceNumbers)
			.query(Disputes::map)
			.list();
	}

	/** @return false when it was resolved already (a job delivered again) */
	boolean resolve(long id, DisputeResolution resolution, String actor, Instant now) {
		return jdbc.sql("""
				UPDATE dispute SET resolution = ?, resolved_by = ?, resolved_at = ?, open_invoice = NULL
				WHERE id = ? AND resolution IS NULL
				""")
			.params(resolution.name(), actor, Timestamp.from(now), id)
			.update() == 1;
	}

	private static Dispute map(ResultSet rs, int row) throws SQLException {
		return new Dispute(rs.getLong("id"), rs.getString("invoice_number"), DisputeReason.valueOf(rs.getString("reason")),
				rs.getString("comment"), rs.getString("raised_by"), rs.getTimestamp("raised_at").toInstant(),
				rs.getString("resolution"));
	}

}
