package io.dunning.engine;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The incidents of the engine that nobody has retried yet, and the managers' retry. */
@RestController
class IncidentController {

	private final EngineIncidents incidents;
	private final IncidentRetry retry;

	IncidentController(EngineIncidents incidents, IncidentRetry retry) {
		this.incidents = incidents;
		this.retry = retry;
	}

	@GetMapping("/api/incidents")
	List<EngineIncident> open() {
		return incidents.open();
	}

	@PostMapping("/api/incidents/{id}/retry")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retry(@PathVariable long id, Principal user) {
		retry.retry(id, user.getName());
	}

}
