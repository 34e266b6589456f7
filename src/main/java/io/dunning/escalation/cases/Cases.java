package io.dunning.escalation.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dunning.escalation.CaseId;
import io.dunning.escalation.CaseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Cases {

	private static final String SELECT = """
			SELECT id, invoice_number, status, current_step, process_version, process_instance_key, engine_run,
			       variables, opened_at, closed_at
			FROM dunning_case
			""";

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CaseId insert(String invoiceNumber, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO dunning_case (invoice_number, status, opened_at) VALUES (?, 'OPEN', ?)")
			.params(invoiceNumber, Timestamp.from(now))
			.update(key, "id");
		return new CaseId(key.getKey().longValue());
	}

	Optional<DunningCase> find(CaseId id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id.value()).query(Cases::map).optional();
	}

	public Optional<DunningCase> findByInvoice(String invoiceNumber) {
		return jdbc.sql(SELECT + " WHERE invoice_number = ?").param(invoiceNumber).query(Cases::map).optional();
	}

	/** The invoice's case while its path runs; empty once it is closed, or before it opens. */
	public Optional<DunningCase> findOpen(String invoiceNumber) {
		return findByInvoice(invoiceNumber).filter(c -> c.status() == CaseStatus.OPEN);
	}

	/**
	 * Open cases whose start was claimed long ago and never got its instance: the engine refused it (a step gone
	 * from the diagram), was unreachable, or the process died between the claim and the engine's answer. Keyset
	 * pages by id, so a case that fails again never hides the ones after it.
	 */
	List<CaseId> stranded(Instant claimedBefore, long afterId, int limit) {
		return jdbc.sql("""
				SELECT id FROM dunning_case
				WHERE status = 'OPEN' AND id > ?
				  AND (engine_run IS NULL OR (process_instance_key IS NULL AND claimed_at < ?))
				ORDER BY id LIMIT ?
				""")
			.params(afterId, Timestamp.from(claimedBefore), limit)
			.query((rs, n) -> new CaseId(rs.getLong(1)))
			.list();
	}

	/** Open cases whose instance lives in no engine this JVM talks to, in pages by id. */
	List<CaseId> withoutInstanceIn(String engineRun, long afterId, int limit) {
		return jdbc.sql("""
				SELECT id FROM dunning_case
				WHERE status = 'OPEN' AND (engine_run IS NULL OR engine_run <> ?) AND id > ?
				ORDER BY id LIMIT ?
				""")
			.params(engineRun, afterId, limit)
			.query((rs, n) -> new CaseId(rs.getLong(1)))
			.list();
	}

	int countWithoutInstanceIn(String engineRun) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM dunning_case
				WHERE status = 'OPEN' AND (engine_run IS NULL OR engine_run <> ?)
				""")
			.param(engineRun)
			.query(Integer.class)
			.single();
	}

	/**
	 * Atomically takes the right to start this case's instance in the given run: only one caller wins. A claim
	 * older than {@code staleBefore} that never got its instance may be taken again.
	 */
	boolean claimForRun(CaseId id, String engineRun, Instant now, Instant staleBefore) {
		return jdbc.sql("""
				UPDATE dunning_case SET engine_run = :run, process_instance_key = NULL, claimed_at = :now
				WHERE id = :id AND status = 'OPEN'
				  AND (engine_run IS NULL OR engine_run <> :run OR (process_instance_key IS NULL AND claimed_at < :stale))
				""")
			.param("run", engineRun)
			.param("now", Timestamp.from(now))
			.param("id", id.value())
			.param("stale", Timestamp.from(staleBefore))
			.update() == 1;
	}

	/** Gives the claim back when nothing reached the engine, so the next sweep may start the case at once. */
	void releaseRun(CaseId id, String engineRun) {
		jdbc.sql("UPDATE dunning_case SET engine_run = NULL WHERE id = ? AND engine_run = ? AND process_instance_key IS NULL")
			.params(id.value(), engineRun)
			.update();
	}

	/**
	 * Binds the case to an instance of the run that claimed it, unless another instance is bound already: the first
	 * instance to arrive wins, for good. Both the instance's own guard and the starter (once the engine answers) call
	 * it; a starter whose answer was lost leaves the binding to the guard.
	 *
	 * @return the instance now bound, or empty when the case is closed or claimed by another run
	 */
	Optional<Long> bindInstance(CaseId id, String engineRun, long instanceKey) {
		jdbc.sql("""
				UPDATE dunning_case SET process_instance_key = ?
				WHERE id = ? AND status = 'OPEN' AND engine_run = ? AND process_instance_key IS NULL
				""")
			.params(instanceKey, id.value(), engineRun)
			.update();
		// A locking read: inside a caller's transaction a plain read would see its older snapshot, not the binding a
		// concurrent starter has just committed.
		return jdbc.sql("""
				SELECT process_instance_key FROM dunning_case
				WHERE id = ? AND status = 'OPEN' AND engine_run = ? FOR UPDATE
				""")
			.params(id.value(), engineRun)
			.query((rs, n) -> rs.getLong(1))
			.optional()
			.filter(bound -> bound != 0);
	}

	void recordVersion(CaseId id, long instanceKey, int processVersion) {
		jdbc.sql("UPDATE dunning_case SET process_version = ? WHERE id = ? AND process_instance_key = ?")
			.params(processVersion, id.value(), instanceKey)
			.update();
	}

	public void recordStep(CaseId id, String step, int processVersion, String variables) {
		jdbc.sql("""
				UPDATE dunning_case SET current_step = ?, process_version = ?, variables = ?
				WHERE id = ? AND status = 'OPEN'
				""")
			.params(step, processVersion, variables, id.value())
			.update();
	}

	/** The open case of the invoice, its row locked for the caller's transaction. */
	Optional<DunningCase> lockOpen(String invoiceNumber) {
		return jdbc.sql(SELECT + " WHERE invoice_number = ? AND status = 'OPEN' FOR UPDATE")
			.param(invoiceNumber)
			.query(Cases::map)
			.optional();
	}

	/**
	 * Unbinds the case from the instance that runs it, to be started again before the step (or at the beginning,
	 * with no step) with these variables.
	 *
	 * @return false when the case is closed or bound to another instance
	 */
	boolean unbindToRestart(CaseId id, long fromInstance, String step, String variables) {
		return jdbc.sql("""
				UPDATE dunning_case SET current_step = ?, variables = ?, engine_run = NULL, process_instance_key = NULL,
				       claimed_at = NULL
				WHERE id = ? AND status = 'OPEN' AND process_instance_key = ?
				""")
			.params(step, variables, id.value(), fromInstance)
			.update() == 1;
	}

	/**
	 * Closes the invoice's case if it is open. An update, not a read-then-write: it acts on the latest committed
	 * row even inside a transaction whose reads see an older snapshot.
	 */
	boolean close(String invoiceNumber, CaseStatus status, Instant now) {
		return jdbc.sql("UPDATE dunning_case SET status = ?, closed_at = ? WHERE invoice_number = ? AND status = 'OPEN'")
			.params(status.name(), Timestamp.from(now), invoiceNumber)
			.update() == 1;
	}

	private static DunningCase map(ResultSet rs, int row) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new DunningCase(new CaseId(rs.getLong("id")), rs.getString("invoice_number"),
				CaseStatus.valueOf(rs.getString("status")), rs.getString("current_step"),
				(Integer) rs.getObject("process_version", Integer.class),
				(Long) rs.getObject("process_instance_key", Long.class), rs.getString("engine_run"),
				rs.getString("variables"), rs.getTimestamp("opened_at").toInstant(),
				closed == null ? null : closed.toInstant());
	}

}
