package io.dunning.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company's dunning settings.
 *
 * @param zone the company's time zone: business dates and contact times are read in it
 * @param contactTime the time of day at which timed contacts go out
 */
@ConfigurationProperties("dunning")
public record DunningProperties(ZoneId zone, LocalTime contactTime, Pacing pacing, Notice notice, Handoff handoff) {

	/** @param minContactGap two contacts are never closer than this */
	public record Pacing(Period minContactGap) {
	}

	/**
	 * @param ecbRates the ECB main refinancing rate in force on each 1 January and 1 July: business interest is the
	 * rate plus 10 points (art. L441-10 Code de commerce)
	 * @param legalRates the taux de l'intérêt légal for a professional creditor, per semester: what a consumer owes
	 * from the notice on (Code civil art. 1231-6 and 1344-1)
	 * @param indemnityB2b the flat recovery indemnity owed by business customers, in euros
	 * @param paymentDeadlineDays the days the notice gives to pay, counted from the day it is deemed received
	 * @param deemedReceivedAfterDays the days after its issue on which a registered letter is deemed received
	 */
	public record Notice(List<DatedRate> ecbRates, List<DatedRate> legalRates, BigDecimal indemnityB2b,
			int paymentDeadlineDays, int deemedReceivedAfterDays) {

		public Notice {
			ecbRates = List.copyOf(ecbRates == null ? List.of() : ecbRates);
			legalRates = List.copyOf(legalRates == null ? List.of() : legalRates);
			if (ecbRates.isEmpty() || legalRates.isEmpty()) {
				throw new IllegalArgumentException(
						"dunning.notice.ecb-rates and dunning.notice.legal-rates need at least one dated rate each");
			}
		}

	}

	/** A rate in percent per year, in force from a date until the next entry's date. */
	public record DatedRate(LocalDate from, BigDecimal rate) {
	}

	/** @param target a directory, or an https:// URL to POST the dossier to */
	public record Handoff(String target) {
	}

}
