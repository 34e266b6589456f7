package io.dunning.engine.embedded;

import java.util.function.Consumer;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every incident of the embedded engine, with its element and message: the embedded engine has no Operate to
 * show them, and a silent incident is a case that stopped without anyone knowing.
 */
final class IncidentTap implements Consumer<Record<?>> {

	private static final Logger log = LoggerFactory.getLogger(IncidentTap.class);

	@Override
	public void accept(Record<?> record) {
		if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED) {
			IncidentRecordValue incident = (IncidentRecordValue) record.getValue();
			log.error("Incident in instance {} at {}: {} {}", incident.getProcessInstanceKey(), incident.getElementId(),
					incident.getErrorType(), incident.getErrorMessage());
		}
	}

}
