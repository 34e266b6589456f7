package io.dunning.escalation;

import java.math.BigDecimal;
import java.time.Duration;
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
 * @param contactWindow how long after the contact time they may go out: each case has its own moment in the window,
 * so that the reminders of a whole ledger never fall due in the same second (absent: none)
 */
@ConfigurationProperties("dunning")
public record DunningProperties(ZoneId zone, LocalTime contactTime, Duration contactWindow, Pacing pacing,
		Notice notice, Handoff handoff) {

	public DunningProperties {
		contactWindow = contactWindow == null ? Duration.ZERO : contactWindow;
		if (contactWindow.isNegative() || contactTime != null
				&& contactTime.toSecondOfDay() + contactWindow.toSeconds() > Duration.ofDays(1).toSeconds()) {
			throw new IllegalArgumentException("dunning.contact-window (" + contactWindow + ") must be positive and end "
					+ "by midnight after dunning.contact-time (" + contactTime + ")");
		}
	}

	/**
	 * The case's own time of day for timed contacts: the contact time plus a fixed share of the window, spread evenly
	 * over the cases whatever their ids, and the same at every restart.
	 */
	public LocalTime contactTimeOf(long caseId) {
		long seconds = contactWindow.toSeconds();
		// A multiplicative hash: consecutive ids (one import) land far apart in the window.
		return seconds == 0 ? contactTime : contactTime.plusSeconds(Math.floorMod(caseId * 2_654_435_761L, seconds));
	}

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
