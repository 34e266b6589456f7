package io.dunning.engine.embedded;

import java.util.function.Consumer;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.dunning.engine.EngineIncidentRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Logs every incident of the embedded engine, with its element and message, and tells the app
 * ({@link EngineIncidentRaised}), which lists it for the managers to retry: the embedded engine has no Operate to show
 * them, and a silent incident is a case that stopped without anyone knowing.
 */
final class IncidentTap implements Consumer<Record<?>> {

	private static final Logger log = LoggerFactory.getLogger(IncidentTap.class);

	private final ApplicationEventPublisher events;

	IncidentTap(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void accept(Record<?> record) {
		if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED) {
			IncidentRecordValue incident = (IncidentRecordValue) record.getValue();
			log.error("Incident in instance {} at {}: {} {}", incident.getProcessInstanceKey(), incident.getElementId(),
					incident.getErrorType(), incident.getErrorMessage());
			long job = incident.getJobKey();
			try {
				events.publishEvent(new EngineIncidentRaised(record.getKey(), job > 0 ? job : null,
						incident.getProcessInstanceKey(), incident.getElementId(),
						incident.getErrorType() + ": " + incident.getErrorMessage()));
			}
			catch (RuntimeException e) {
				// The log line above stays the record: a tap that throws would stop every later record reaching it.
				log.error("Incident {} could not be listed for the managers", record.getKey(), e);
			}
		}
	}

}
