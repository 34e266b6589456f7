package io.dunning.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.dunning.escalation.CasePauses;
import io.dunning.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One customer: details, open invoices, promises and plans with their counts, and the open tasks to work. */
@Controller
class CustomerPage {

	private final CustomerContext context;
	private final TaskGroups groups;
	private final CasePauses pauses;
	private final Clock clock;
	private final ZoneId zone;

	CustomerPage(CustomerContext context, TaskGroups groups, CasePauses pauses, Clock clock,
			@Value("${dunning.zone}") ZoneId zone) {
		this.pauses = pauses;
		this.context = context;
		this.groups = groups;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/customers/{customerId}")
	String customer(@PathVariable String customerId, Authentication user, Model model) {
		CustomerContext.View view = context.of(customerId, LocalDate.ofInstant(clock.instant(), zone));
		if (view.customer() == null) {
			throw new NotFoundException("No customer " + customerId + ".", "not-found.customer", customerId);
		}
		model.addAttribute("context", view);
		model.addAttribute("steps", groups.openSteps(customerId, Actor.of(user)));
		model.addAttribute("pauses", pauses.forCustomer(customerId));
		return "worklist/customer";
	}

}
