package io.dunning.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery ledger's rows, keyed by (case, step, channel). */
@Repository
class Deliveries {

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<LedgerEntry> lock(long caseId, String step, Channel channel) {
		return jdbc.sql("""
				SELECT id, status, attempts, updated_at, sent_at FROM delivery
				WHERE case_id = ? AND step = ? AND channel = ? FOR UPDATE
				""")
			.params(caseId, step, channel.name())
			.query((rs, n) -> {
				Timestamp sentAt = rs.getTimestamp("sent_at");
				return new LedgerEntry(rs.getLong("id"), DeliveryStatus.valueOf(rs.getString("status")),
						rs.getInt("attempts"), rs.getTimestamp("updated_at").toInstant(),
						sentAt == null ? null : sentAt.toInstant());
			})
			.optional();
	}

	/** Inserts a row with no attempt yet; a concurrent insert of the same key fails on the unique constraint. */
	void insert(ContactRequest request, Instant now) {
		jdbc.sql("""
				INSERT INTO delivery (case_id, step, channel, invoice_number, template, status, attempts, created_at, updated_at)
				VALUES (:caseId, :step, :channel, :invoice, :template, 'SENDING', 0, :now, :now)
				""")
			.param("caseId", request.caseId())
			.param("step", request.step())
			.param("channel", request.channel().name())
			.param("invoice", request.invoice().invoiceNumber())
			.param("template", request.template())
			.param("now", Timestamp.from(now))
			.update();
	}

	void attempt(long id, String recipient, Instant now) {
		jdbc.sql("""
				UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, recipient = ?, error = NULL,
				       updated_at = ? WHERE id = ?
				""")
			.params(recipient, Timestamp.from(now), id)
			.update();
	}

	void sent(long id, String provider, String providerMessageId, Instant now) {
		jdbc.sql("""
				UPDATE delivery SET status = 'SENT', provider = ?, provider_message_id = ?, sent_at = ?, updated_at = ?
				WHERE id = ?
				""")
			.params(provider, providerMessageId, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** The contact's sending, if it went out. */
	Optional<Delivery> sent(long caseId, String step, Channel channel) {
		return jdbc.sql("SELECT id, sent_at FROM delivery WHERE case_id = ? AND step = ? AND channel = ? AND status = 'SENT'")
			.params(caseId, step, channel.name())
			.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getTimestamp("sent_at").toInstant(), true))
			.optional();
	}

	boolean anyAttempted(long caseId, String step) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE case_id = ? AND step = ? AND status IN ('SENT', 'SENDING')")
			.params(caseId, step)
			.query(Integer.class)
			.single() > 0;
	}

	Instant sentAt(long id) {
		return jdbc.sql("SELECT sent_at FROM delivery WHERE id = ?").param(id).query(Timestamp.class).single().toInstant();
	}

	void close(long id, DeliveryStatus status, String error, Instant now) {
		jdbc.sql("UPDATE delivery SET status = ?, error = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), truncate(error), Timestamp.from(now), id)
			.update();
	}

	private static String truncate(String error) {
		return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
	}

}
