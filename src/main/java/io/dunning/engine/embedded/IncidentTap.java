package io.dunning.engine.embedded;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the embedded engine's record stream and logs every incident, with its element and message: the embedded
 * engine has no Operate to show them, and a silent incident is a case that stopped without anyone knowing.
 */
final class IncidentTap implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IncidentTap.class);

	private final RecordStreamSource records;
	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "incident-tap");
		thread.setDaemon(true);
		return thread;
	});
	private long lastPosition = -1;

	IncidentTap(RecordStreamSource records) {
		this.records = records;
		poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
	}

	private void poll() {
		try {
			for (Record<?> record : records.getRecords()) {
				if (record.getPosition() <= lastPosition) {
					continue;
				}
				lastPosition = record.getPosition();
				if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED) {
					IncidentRecordValue incident = (IncidentRecordValue) record.getValue();
					log.error("Incident in instance {} at {}: {} {}", incident.getProcessInstanceKey(),
							incident.getElementId(), incident.getErrorType(), incident.getErrorMessage());
				}
			}
		}
		catch (RuntimeException e) {
			log.debug("Record stream read failed; will retry", e);
		}
	}

	@Override
	public void close() {
		poller.shutdownNow();
	}

}
