package io.dunning.escalation.rates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dunning.escalation.DunningProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ECB and legal rate tables as the database holds them. A half-year without a row has no rate: the caller is told
 * so, and never gets an older half-year's rate in its place.
 */
@Service
public class RateTable implements Rates {

	private final InterestRates rows;
	private final DunningProperties properties;
	private final Clock clock;

	RateTable(InterestRates rows, DunningProperties properties, Clock clock) {
		this.rows = rows;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public BigDecimal of(RateKind kind, HalfYear halfYear) {
		return rows.findByKindAndStartsOn(kind, halfYear.start())
			.map(InterestRate::rate)
			.orElseThrow(() -> new MissingRateException(kind, halfYear));
	}

	@Transactional(readOnly = true)
	public RateOverview overview() {
		HalfYear current = HalfYear.of(LocalDate.now(clock.withZone(properties.zone())));
		return new RateOverview(current, Arrays.stream(RateKind.values()).map(kind -> table(kind, current)).toList());
	}

	private RateOverview.Table table(RateKind kind, HalfYear current) {
		List<RateOverview.Row> rates = rows.findByKindOrderByStartsOnDesc(kind).stream().map(InterestRate::row).toList();
		if (rates.isEmpty()) {
			return new RateOverview.Table(kind, null, null, List.of(), false, rates);
		}
		Set<HalfYear> covered = rates.stream().map(RateOverview.Row::halfYear).collect(Collectors.toSet());
		HalfYear first = rates.getLast().halfYear();
		HalfYear last = rates.getFirst().halfYear();
		List<HalfYear> gaps = Stream.iterate(first, halfYear -> halfYear.compareTo(last) < 0, HalfYear::next)
			.filter(halfYear -> !covered.contains(halfYear))
			.toList();
		return new RateOverview.Table(kind, first, last, gaps, covered.contains(current), rates);
	}

}
