package io.dunning.escalation;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

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
	 * @param ecbRate the ECB refinancing rate in percent; late interest is this plus 10 points
	 * @param indemnityB2b the flat recovery indemnity owed by business customers, in euros
	 * @param paymentDeadlineDays the days the notice gives to pay
	 */
	public record Notice(BigDecimal ecbRate, BigDecimal indemnityB2b, int paymentDeadlineDays) {
	}

	/** @param target a directory, or an https:// URL to POST the dossier to */
	public record Handoff(String target) {
	}

}
