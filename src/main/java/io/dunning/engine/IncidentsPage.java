package io.dunning.engine;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The managers' page of stopped cases: what failed, where, and a button that runs the step again. */
@Controller
class IncidentsPage {

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final EngineIncidents incidents;
	private final IncidentRetry retry;
	private final ZoneId zone;

	IncidentsPage(EngineIncidents incidents, IncidentRetry retry, @Value("${dunning.zone}") ZoneId zone) {
		this.incidents = incidents;
		this.retry = retry;
		this.zone = zone;
	}

	/** An incident as the page shows it, its time in the company's zone. */
	record Line(EngineIncident incident, String since) {
	}

	@GetMapping("/incidents")
	String list(Authentication user, Model model) {
		model.addAttribute("incidents", incidents.open().stream()
			.map(i -> new Line(i, SINCE.format(i.raisedAt().atZone(zone))))
			.toList());
		model.addAttribute("mayRetry", user.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER")));
		return "engine/incidents";
	}

	@PostMapping("/incidents/{id}/retry")
	String retry(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		retry.retry(id, user.getName());
		redirect.addFlashAttribute("retried", id);
		return "redirect:/incidents";
	}

}
