package io.dunning.audit;

import java.util.List;

import io.dunning.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HistoryController {

	private final CaseHistory history;

	HistoryController(CaseHistory history) {
		this.history = history;
	}

	/** Every invoice's history starts when it is received, so an empty history means an unknown invoice. */
	@GetMapping("/api/invoices/{number}/history")
	List<HistoryEntry> history(@PathVariable String number) {
		List<HistoryEntry> entries = history.of(number);
		if (entries.isEmpty()) {
			throw new NotFoundException("No invoice " + number);
		}
		return entries;
	}

}
