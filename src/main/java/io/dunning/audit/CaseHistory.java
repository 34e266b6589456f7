package io.dunning.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only history of every invoice's case. Callers append inside their own transaction, so an event is
 * recorded if and only if the change it describes is committed.
 */
@Service
public class CaseHistory {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectMapper json;

	CaseHistory(JdbcClient jdbc, Clock clock, ObjectMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String invoiceNumber, HistoryType type, String elementId, String actor,
			Map<String, ?> details) {
		insert(invoiceNumber, type, elementId, actor, details, null);
	}

	/**
	 * Appends an event that an engine job reports, once: the same source (such as the job's key in its engine
	 * run) delivered again records nothing.
	 *
	 * @return false when this source was already recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean appendOnce(String source, String invoiceNumber, HistoryType type, String elementId, String actor,
			Map<String, ?> details) {
		try {
			insert(invoiceNumber, type, elementId, actor, details, source);
			return true;
		}
		catch (DuplicateKeyException alreadyRecorded) {
			return false;
		}
	}

	private void insert(String invoiceNumber, HistoryType type, String elementId, String actor,
			Map<String, ?> details, String source) {
		jdbc.sql("""
				INSERT INTO case_history (invoice_number, at, type, element_id, actor, details, source)
				VALUES (:invoice, :at, :type, :element, :actor, :details, :source)
				""")
			.param("invoice", invoiceNumber)
			.param("at", Timestamp.from(clock.instant()))
			.param("type", type.name())
			.param("element", elementId)
			.param("actor", actor)
			.param("details", write(details))
			.param("source", source)
			.update();
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> of(String invoiceNumber) {
		return jdbc.sql("""
				SELECT at, type, element_id, actor, details FROM case_history
				WHERE invoice_number = ? ORDER BY id
				""")
			.param(invoiceNumber)
			.query((rs, n) -> new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("type"),
					rs.getString("element_id"), rs.getString("actor"), read(rs.getString("details"))))
			.list();
	}

	private String write(Map<String, ?> details) {
		try {
			return json.writeValueAsString(details == null ? Map.of() : details);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("history details must be JSON-serialisable", e);
		}
	}

	private Map<String, Object> read(String details) {
		try {
			return details == null ? Map.of() : json.readValue(details, DETAILS);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable history details", e);
		}
	}

}
