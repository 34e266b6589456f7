package io.dunning.escalation.cases;

import java.util.Optional;

import io.dunning.engine.EngineRun;
import io.dunning.engine.InstanceNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case's instance, named by its invoice, so that a stopped instance is listed by the invoice it stopped. */
@Component
class CaseInstanceNames implements InstanceNames {

	private final JdbcClient jdbc;
	private final EngineRun run;

	CaseInstanceNames(JdbcClient jdbc, EngineRun run) {
		this.jdbc = jdbc;
		this.run = run;
	}

	@Override
	public Optional<String> invoiceOf(long processInstanceKey) {
		return jdbc.sql("SELECT invoice_number FROM dunning_case WHERE process_instance_key = ? AND engine_run = ?")
			.params(processInstanceKey, run.id())
			.query(String.class)
			.optional();
	}

}
