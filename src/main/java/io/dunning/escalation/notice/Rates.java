package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.dunning.escalation.DunningProperties.DatedRate;

/** A dated list of rates: the rate on a day is the one of the latest entry that starts on or before it. */
final class Rates {

	private Rates() {
	}

	static BigDecimal on(List<DatedRate> rates, LocalDate day, String name) {
		return rates.stream()
			.filter(r -> !r.from().isAfter(day))
			.max(Comparator.comparing(DatedRate::from))
			.map(DatedRate::rate)
			.orElseThrow(() -> new IllegalStateException("no " + name + " is configured for " + day));
	}

}
