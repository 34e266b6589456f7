package io.dunning.engine;

import java.util.Map;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every worker's failure passes here on its way to the engine. One that leaves the job no retry is recorded as an
 * incident before the engine hears of it, so a manager sees the stopped case whichever engine runs it (a remote
 * cluster's incidents are not otherwise visible to the app).
 */
@Component
class RetriesExhausted implements JobExceptionHandlingStrategy {

	private static final Logger log = LoggerFactory.getLogger(RetriesExhausted.class);

	private final JobExceptionHandlingStrategy failing;
	private final EngineIncidents incidents;

	RetriesExhausted(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, EngineIncidents incidents) {
		this.failing = new DefaultJobExceptionHandlingStrategy(commands, metrics);
		this.incidents = incidents;
	}

	@Override
	public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
		ActivatedJob job = context.job();
		// The default strategy fails a job with the retries a JobError names, and any other exception with one less.
		int retriesLeft = exception instanceof JobError error && error.getRetries() != null ? error.getRetries()
				: job.getRetries() - 1;
		if (retriesLeft <= 0) {
			try {
				Map<String, Object> variables = job.getVariablesAsMap();
				incidents.retriesExhausted(job.getKey(), job.getProcessInstanceKey(), job.getElementId(),
						variables.get("invoiceNumber") instanceof String number ? number : null,
						exception instanceof JobError error ? error.getErrorMessage() : exception.getMessage());
			}
			catch (RuntimeException e) {
				// The engine must still hear of the failure: its own incident is the record of last resort.
				log.error("Job {} at {} ran out of retries and could not be recorded as an incident", job.getKey(),
						job.getElementId(), e);
			}
		}
		failing.handleException(exception, context);
	}

}
