package io.dunning.escalation.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of a rate table: the rate of one kind for the half-year that starts on {@code startsOn}, the official text
 * it comes from, and who added it when. A row is never changed.
 *
 * @param rate percent per year, such as 2.15
 */
@Table("interest_rate")
record InterestRate(@Id Long id, RateKind kind, LocalDate startsOn, BigDecimal rate, String source, String createdBy,
		Instant createdAt) {

	HalfYear halfYear() {
		return HalfYear.of(startsOn);
	}

	RateOverview.Row row() {
		return new RateOverview.Row(kind, halfYear(), rate, source, createdBy, createdAt);
	}

}
