package io.dunning.escalation.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rate tables hold, seen on one day: for each table, the first and last half-year it covers, the half-years
 * missing in between, whether it covers the current one, and its rows, newest first.
 */
public record RateOverview(HalfYear currentHalfYear, List<Table> tables) {

	/**
	 * @param firstHalfYear null when the table is empty, like {@code lastHalfYear}
	 * @param gaps the half-years after the first and before the last that have no row
	 */
	public record Table(RateKind kind, HalfYear firstHalfYear, HalfYear lastHalfYear, List<HalfYear> gaps,
			boolean currentCovered, List<Row> rates) {
	}

	public record Row(RateKind kind, HalfYear halfYear, BigDecimal rate, String source, String createdBy,
			Instant createdAt) {
	}

	/** The tables without a row for the current half-year. */
	public List<RateKind> uncovered() {
		return tables.stream().filter(table -> !table.currentCovered()).map(Table::kind).toList();
	}

	/** What an operator is told while a table lacks the current half-year or one between, or null when none does. */
	public String warning() {
		List<String> missing = new ArrayList<>();
		for (Table table : tables) {
			if (!table.currentCovered()) {
				missing.add("no " + table.kind() + " rate for " + currentHalfYear + (table.lastHalfYear() == null
						? " (the table is empty)" : " (the table ends at " + table.lastHalfYear() + ")"));
			}
			table.gaps().forEach(gap -> missing.add("no " + table.kind() + " rate for " + gap));
		}
		return missing.isEmpty() ? null : String.join("; ", missing) + ". Formal notices that need a missing rate are "
				+ "held until an admin adds it, with its official source, at /admin/interest-rates.";
	}

}
