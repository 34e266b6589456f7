package io.dunning.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OutboxMessages {

	private static final String SELECT = """
			SELECT channel, recipient, subject, body, invoice_number, step, created_at FROM outbox_message
			""";

	private final JdbcClient jdbc;

	OutboxMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> idOf(long deliveryId) {
		return jdbc.sql("SELECT id FROM outbox_message WHERE delivery_id = ?").param(deliveryId).query(Long.class).optional();
	}

	long insert(OutboundMessage message, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO outbox_message (delivery_id, channel, recipient, subject, body, invoice_number, step, created_at)
				VALUES (:delivery, :channel, :recipient, :subject, :body, :invoice, :step, :now)
				""")
			.param("delivery", message.ledgerId())
			.param("channel", message.channel().name())
			.param("recipient", message.recipient())
			.param("subject", message.subject())
			.param("body", message.body())
			.param("invoice", message.invoiceNumber())
			.param("step", message.step())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void attach(long messageId, Attachment attachment) {
		jdbc.sql("""
				INSERT INTO outbox_attachment (outbox_message_id, filename, content_type, content)
				VALUES (?, ?, ?, ?)
				""")
			.params(messageId, attachment.filename(), attachment.contentType(), attachment.content())
			.update();
	}

	List<OutboxEntry> findAll(String invoiceNumber) {
		var query = invoiceNumber == null
				? jdbc.sql(SELECT + " ORDER BY id")
				: jdbc.sql(SELECT + " WHERE invoice_number = ? ORDER BY id").param(invoiceNumber);
		return query.query((rs, n) -> new OutboxEntry(Channel.valueOf(rs.getString("channel")),
				rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
				rs.getString("invoice_number"), rs.getString("step"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
