package io.dunning.escalation.rates;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The rate tables as the {@code interestRates} component of {@code /actuator/health} (the bean's name less its
 * suffix): the first and last half-year each covers, any half-year missing in between, and whether each covers the
 * current one. A missing rate holds the formal notices that need it, not the rest of the product: the component then
 * says WARNING, a status the health endpoint leaves out of its overall status, so that a load balancer does not take a
 * working application out of service for a figure an admin has to type in.
 */
@Component("interestRatesHealthIndicator")
class InterestRatesHealth implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "A rate table lacks the current half-year");

	private final RateTable table;

	InterestRatesHealth(RateTable table) {
		this.table = table;
	}

	@Override
	public Health health() {
		RateOverview overview = table.overview();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("currentHalfYear", overview.currentHalfYear());
		overview.tables().forEach(rates -> {
			Map<String, Object> covered = new LinkedHashMap<>();
			covered.put("firstHalfYear", rates.firstHalfYear());
			covered.put("lastHalfYear", rates.lastHalfYear());
			covered.put("missingBetween", rates.gaps());
			covered.put("currentCovered", rates.currentCovered());
			details.put(rates.kind().name(), covered);
		});
		String warning = overview.warning();
		if (warning != null) {
			details.put("warning", warning);
		}
		return Health.status(warning == null ? Status.UP : WARNING).withDetails(details).build();
	}

}
