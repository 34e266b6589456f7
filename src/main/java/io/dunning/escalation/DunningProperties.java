package io.dunning.escalation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

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
	 * The rates live in the database (the {@code rates} package): an admin adds each half-year's as it is published.
	 *
	 * @param indemnityB2b the flat recovery indemnity owed by business customers and public buyers, in euros
	 * @param paymentDeadlineDays the days the notice gives to pay, counted from the day it is deemed received
	 * @param deemedReceivedAfterDays the days after its issue on which a registered letter is deemed received
	 */
	public record Notice(BigDecimal indemnityB2b, int paymentDeadlineDays, int deemedReceivedAfterDays) {
	}

	/** @param target a directory, or an https:// URL to POST the dossier to */
	public record Handoff(String target) {
	}

}
