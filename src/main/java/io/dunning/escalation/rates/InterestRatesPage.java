package io.dunning.escalation.rates;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.dunning.escalation.DunningProperties;
import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of the rate tables: which half-years each covers, a warning when the current one is missing, every
 * row with its source and who added it, and a form to add a half-year's rate.
 */
@Controller
class InterestRatesPage {

	private final RateTable table;
	private final RateEntry entry;
	private final MessageSource messages;
	private final DunningProperties properties;

	InterestRatesPage(RateTable table, RateEntry entry, MessageSource messages, DunningProperties properties) {
		this.table = table;
		this.entry = entry;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/admin/interest-rates")
	String show(Model model) {
		return page(model, new RateEntry.Request(null, null, null, null), Map.of());
	}

	@PostMapping("/admin/interest-rates")
	String add(RateEntry.Request request, Principal user, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			RateOverview.Row added = entry.add(request, user.getName()).row();
			redirect.addFlashAttribute("added", added);
			return "redirect:/admin/interest-rates";
		}
		catch (BadInputException e) {
			// The page speaks the user's language: one message per field says what that field takes.
			Map<String, String> errors = new LinkedHashMap<>();
			for (InputError error : e.errors()) {
				errors.putIfAbsent(error.field(), messages.getMessage("rates.error." + error.field(), null, locale));
			}
			return page(model, request, errors);
		}
		catch (ConflictException e) {
			return page(model, request, Map.of("halfYear", messages.getMessage("rates.error.duplicate",
					new Object[] { request.halfYear().strip().toUpperCase(Locale.ROOT) }, locale)));
		}
	}

	private String page(Model model, RateEntry.Request request, Map<String, String> errors) {
		RateOverview overview = table.overview();
		model.addAttribute("overview", overview);
		model.addAttribute("kinds", RateKind.values());
		model.addAttribute("request", request);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", properties.zone());
		model.addAttribute("example", overview.currentHalfYear());
		return "escalation/interest-rates";
	}

}
