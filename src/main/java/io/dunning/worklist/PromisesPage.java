package io.dunning.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.dunning.web.BadInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every promise and plan, newest first, filtered by how it stands, paged by key. */
@Controller
class PromisesPage {

	private final Promises promises;
	private final Clock clock;
	private final ZoneId zone;

	PromisesPage(Promises promises, Clock clock, @Value("${dunning.zone}") ZoneId zone) {
		this.promises = promises;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/promises")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String after, Model model) {
		Promise.Status filter = status(status);
		String search = customer == null || customer.isBlank() ? null : customer.strip();
		Long from = after(after);
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		List<Promise> found = promises.page(filter, search, today, from);
		boolean more = found.size() > Promises.PAGE;
		List<CustomerContext.PromiseLine> lines = PlanAgreements.merged(found.stream().limit(Promises.PAGE).toList())
			.stream()
			.map(p -> CustomerContext.line(p, today, zone))
			.toList();
		model.addAttribute("lines", lines);
		model.addAttribute("status", filter == null ? "" : filter.name().toLowerCase(Locale.ROOT));
		model.addAttribute("customer", search);
		model.addAttribute("after", from);
		model.addAttribute("next", more ? lines.getLast().promise().id() : null);
		return "worklist/promises";
	}

	private static Promise.Status status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Promise.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw BadInputException.of("status", "one of open, broken, kept");
		}
	}

	private static Long after(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw BadInputException.of("after", "not a page cursor");
		}
	}

}
