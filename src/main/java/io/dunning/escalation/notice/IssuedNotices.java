package io.dunning.escalation.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The formal notices as issued, one per (case, step). */
@Repository
class IssuedNotices {

	private static final String SELECT = """
			SELECT case_id, step, invoice_number, issued_on, deadline, terms, pdf, pdf_sha256 FROM formal_notice
			""";

	private final JdbcClient jdbc;

	IssuedNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IssuedNotice> find(long caseId, String step) {
		return jdbc.sql(SELECT + " WHERE case_id = ? AND step = ?").params(caseId, step).query(this::row).optional();
	}

	/** The case's latest notice. */
	Optional<IssuedNotice> latest(long caseId) {
		return jdbc.sql(SELECT + " WHERE case_id = ? ORDER BY id DESC LIMIT 1").param(caseId).query(this::row).optional();
	}

	/** The invoice's latest notice, whichever case issued it. */
	Optional<IssuedNotice> latestOf(String invoiceNumber) {
		return jdbc.sql(SELECT + " WHERE invoice_number = ? ORDER BY id DESC LIMIT 1").param(invoiceNumber)
			.query(this::row)
			.optional();
	}

	/** Stores the notice, or answers the one a concurrent attempt stored first: the first letter is the letter. */
	IssuedNotice insertOrKeep(IssuedNotice notice, Instant now) {
		try {
			jdbc.sql("""
					INSERT INTO formal_notice (case_id, step, invoice_number, issued_on, deadline, terms, pdf, pdf_sha256,
					                           created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(notice.caseId(), notice.step(), notice.invoiceNumber(), notice.issuedOn(), notice.deadline(),
						notice.terms(), notice.pdf(), notice.pdfSha256(), Timestamp.from(now))
				.update();
			return notice;
		}
		catch (DuplicateKeyException alreadyIssued) {
			return find(notice.caseId(), notice.step()).orElseThrow();
		}
	}

	/** Replaces a notice that never went out by one issued now. */
	void replace(IssuedNotice notice, Instant now) {
		jdbc.sql("""
				UPDATE formal_notice SET issued_on = ?, deadline = ?, terms = ?, pdf = ?, pdf_sha256 = ?, created_at = ?
				WHERE case_id = ? AND step = ?
				""")
			.params(notice.issuedOn(), notice.deadline(), notice.terms(), notice.pdf(), notice.pdfSha256(),
					Timestamp.from(now), notice.caseId(), notice.step())
			.update();
	}

	private IssuedNotice row(ResultSet rs, int n) throws SQLException {
		return new IssuedNotice(rs.getLong("case_id"), rs.getString("step"), rs.getString("invoice_number"),
				rs.getDate("issued_on").toLocalDate(), rs.getDate("deadline").toLocalDate(), rs.getString("terms"),
				rs.getBytes("pdf"), rs.getString("pdf_sha256"));
	}

}
