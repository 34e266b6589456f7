package io.dunning.escalation.rates;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The rate tables for admins: read them, and add a half-year's rate with its source. */
@RestController
class InterestRatesController {

	private final RateTable table;
	private final RateEntry entry;

	InterestRatesController(RateTable table, RateEntry entry) {
		this.table = table;
		this.entry = entry;
	}

	@GetMapping("/api/admin/interest-rates")
	RateOverview overview() {
		return table.overview();
	}

	/** Fields are read as text, so that a bad half-year or rate is named like any other bad field. */
	@PostMapping(path = "/api/admin/interest-rates", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	RateOverview.Row add(@RequestBody RateEntry.Request request, Principal user) {
		return entry.add(request, user.getName()).row();
	}

}
