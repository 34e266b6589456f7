package io.dunning.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents of this engine run that nobody has retried yet. Two sources fill it: a worker that fails a job with
 * no retry left (either engine), and the embedded engine's own incident records, which add the incident key and
 * report incidents no worker saw (a variable mapping that failed).
 */
@Repository
public class EngineIncidents {

	private static final int MAX_MESSAGE = 1000;

	private static final String SELECT = "SELECT id, job_key, incident_key, process_instance_key, element_id, "
			+ "invoice_number, message, raised_at FROM engine_incident";

	private final JdbcClient jdbc;
	private final EngineRun run;
	private final Clock clock;
	private final ObjectProvider<InstanceNames> names;

	EngineIncidents(JdbcClient jdbc, EngineRun run, Clock clock, ObjectProvider<InstanceNames> names) {
		this.jdbc = jdbc;
		this.run = run;
		this.clock = clock;
		this.names = names;
	}

	/** A worker gave up on a job: its retries are spent, so the engine raises an incident for it. */
	@Transactional
	public void retriesExhausted(long jobKey, long processInstanceKey, String elementId, String invoiceNumber,
			String message) {
		int known = jdbc.sql("UPDATE engine_incident SET invoice_number = ?, message = ? "
				+ "WHERE engine_run = ? AND job_key = ? AND retried_at IS NULL")
			.params(invoiceNumber, shortened(message), run.id(), jobKey)
			.update();
		if (known == 0) {
			insert(jobKey, null, processInstanceKey, elementId, invoiceNumber, message);
		}
	}

	@EventListener
	@Transactional
	public void raised(EngineIncidentRaised incident) {
		int known = incident.jobKey() == null ? 0
				: jdbc.sql("UPDATE engine_incident SET incident_key = ? "
						+ "WHERE engine_run = ? AND job_key = ? AND retried_at IS NULL")
					.params(incident.incidentKey(), run.id(), incident.jobKey())
					.update();
		if (known == 0) {
			String invoice = names.stream()
				.map(n -> n.invoiceOf(incident.processInstanceKey()))
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(null);
			insert(incident.jobKey(), incident.incidentKey(), incident.processInstanceKey(), incident.elementId(),
					invoice, incident.message());
		}
	}

	public List<EngineIncident> open() {
		return jdbc.sql(SELECT + " WHERE engine_run = ? AND retried_at IS NULL ORDER BY raised_at, id LIMIT 500")
			.param(run.id())
			.query(EngineIncidents::incident)
			.list();
	}

	Optional<EngineIncident> lockOpen(long id) {
		return jdbc.sql(SELECT + " WHERE id = ? AND engine_run = ? AND retried_at IS NULL FOR UPDATE")
			.params(id, run.id())
			.query(EngineIncidents::incident)
			.optional();
	}

	void retried(long id, String by) {
		jdbc.sql("UPDATE engine_incident SET retried_by = ?, retried_at = ? WHERE id = ?")
			.params(by, Timestamp.from(clock.instant()), id)
			.update();
	}

	private void insert(Long jobKey, Long incidentKey, long processInstanceKey, String elementId, String invoiceNumber,
			String message) {
		jdbc.sql("""
				INSERT INTO engine_incident (engine_run, job_key, incident_key, process_instance_key, element_id,
				  invoice_number, message, raised_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(run.id(), jobKey, incidentKey, processInstanceKey, elementId, invoiceNumber, shortened(message),
					Timestamp.from(clock.instant()))
			.update();
	}

	private static EngineIncident incident(ResultSet rs, int row) throws SQLException {
		return new EngineIncident(rs.getLong("id"), rs.getObject("job_key", Long.class),
				rs.getObject("incident_key", Long.class), rs.getLong("process_instance_key"), rs.getString("element_id"),
				rs.getString("invoice_number"), rs.getString("message"), rs.getTimestamp("raised_at").toInstant());
	}

	private static String shortened(String message) {
		String text = message == null || message.isBlank() ? "(no message)" : message;
		return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
	}

}
