package io.dunning.escalation.pause;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Holds {

	private final JdbcClient jdbc;

	Holds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Begins the case's hold unless one is open.
	 *
	 * @param resumeStep where the path resumes, or null to take the case's step when the engine enters the hold
	 * @return true when this call began it
	 */
	boolean begin(String invoiceNumber, String resumeStep, Instant now) {
		try {
			jdbc.sql("""
					INSERT INTO case_hold (invoice_number, resume_step, held_since, open_invoice) VALUES (?, ?, ?, ?)
					""")
				.params(invoiceNumber, resumeStep, Timestamp.from(now), invoiceNumber)
				.update();
			return true;
		}
		catch (DuplicateKeyException alreadyHeld) {
			return false;
		}
	}

	Optional<Hold> findOpen(String invoiceNumber) {
		return jdbc.sql("SELECT id, invoice_number, resume_step, held_since FROM case_hold WHERE open_invoice = ?")
			.param(invoiceNumber)
			.query((rs, n) -> new Hold(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("resume_step"),
					rs.getTimestamp("held_since").toInstant()))
			.optional();
	}

	void release(long id, Instant now, int shiftedDays) {
		jdbc.sql("UPDATE case_hold SET released_at = ?, shifted_days = ?, open_invoice = NULL WHERE id = ?")
			.params(Timestamp.from(now), shiftedDays, id)
			.update();
	}

	/** Ends the hold of a case that closed while held (paid, cancelled). */
	void closeOf(String invoiceNumber, Instant now) {
		jdbc.sql("UPDATE case_hold SET released_at = ?, open_invoice = NULL WHERE open_invoice = ?")
			.params(Timestamp.from(now), invoiceNumber)
			.update();
	}

}
