package io.dunning.worklist;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the SLA timers of the diagram count in, and whom they tell (src/docs/assignment-and-sla.md).
 *
 * @param notifyEmail the managers' address that hears of every SLA passed; unset: the app shows it, nobody is mailed
 * @param notifyLanguage the language of that email ({@code fr} or {@code en})
 * @param publicHolidays {@code FR} counts the French public holidays as days off; {@code NONE} counts none
 * @param daysOff further days off (a bridge day, a company holiday)
 */
@ConfigurationProperties("dunning.worklist.sla")
record SlaProperties(String notifyEmail, String notifyLanguage, String publicHolidays, List<LocalDate> daysOff) {

	SlaProperties {
		notifyEmail = notifyEmail == null || notifyEmail.isBlank() ? null : notifyEmail.strip();
		notifyLanguage = notifyLanguage == null || notifyLanguage.isBlank() ? "fr" : notifyLanguage.strip();
		publicHolidays = publicHolidays == null || publicHolidays.isBlank() ? "FR" : publicHolidays.strip();
		if (!publicHolidays.equalsIgnoreCase("FR") && !publicHolidays.equalsIgnoreCase("NONE")) {
			throw new IllegalArgumentException(
					"dunning.worklist.sla.public-holidays must be FR or NONE, not " + publicHolidays);
		}
		daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
	}

	boolean frenchHolidays() {
		return publicHolidays.equalsIgnoreCase("FR");
	}

}
