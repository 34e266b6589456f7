package io.dunning.engine;

import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.response.Incident;
import io.dunning.web.ConflictException;
import io.dunning.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's retry: the job gets its retries back and the incident is resolved, so the engine runs the step again.
 * A remote engine's incident key is looked up by job when a worker's failure is all that was seen; where it cannot be
 * (a cluster without its REST API), the job has its retries back and the incident is left for Operate.
 */
@Service
class IncidentRetry {

	private static final Logger log = LoggerFactory.getLogger(IncidentRetry.class);

	static final int RETRIES = 3;

	private final EngineIncidents incidents;
	private final CamundaClient client;

	IncidentRetry(EngineIncidents incidents, CamundaClient client) {
		this.incidents = incidents;
		this.client = client;
	}

	@Transactional
	void retry(long id, String manager) {
		EngineIncident incident = incidents.lockOpen(id)
			.orElseThrow(() -> new NotFoundException("No open incident " + id + "."));
		try {
			if (incident.jobKey() != null) {
				client.newUpdateRetriesCommand(incident.jobKey()).retries(RETRIES).send().join();
			}
			Long key = incident.incidentKey() != null ? incident.incidentKey() : lookedUp(incident);
			if (key != null) {
				client.newResolveIncidentCommand(key).send().join();
			}
		}
		catch (ClientException e) {
			throw new ConflictException("The engine refused to retry incident " + id + ": " + e.getMessage());
		}
		incidents.retried(id, manager);
		log.info("Incident {} at {} (instance {}) retried by {}", id, incident.elementId(), incident.processInstanceKey(),
				manager);
	}

	private Long lookedUp(EngineIncident incident) {
		if (incident.jobKey() == null) {
			return null;
		}
		try {
			List<Incident> found = client.newIncidentSearchRequest()
				.filter(f -> f.jobKey(incident.jobKey()))
				.send()
				.join()
				.items();
			return found.isEmpty() ? null : found.getFirst().getIncidentKey();
		}
		catch (ClientException e) {
			log.warn("Incident of job {} not found over REST ({}); its retries are restored, resolve it in Operate",
					incident.jobKey(), e.getMessage());
			return null;
		}
	}

}
