package io.dunning.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The days that are not business days besides the weekends: for the SLA timers of the diagram, and for the contact
 * hours (src/docs/assignment-and-sla.md, src/docs/contact-hours.md).
 *
 * @param publicHolidays {@code FR} counts the French public holidays as days off; {@code NONE} counts none
 * @param daysOff further days off (a bridge day, a company holiday)
 */
@ConfigurationProperties("dunning.calendar")
public record CalendarProperties(String publicHolidays, List<LocalDate> daysOff) {

	public CalendarProperties {
		publicHolidays = publicHolidays == null || publicHolidays.isBlank() ? "FR" : publicHolidays.strip();
		if (!publicHolidays.equalsIgnoreCase("FR") && !publicHolidays.equalsIgnoreCase("NONE")) {
			throw new IllegalArgumentException("dunning.calendar.public-holidays must be FR or NONE, not " + publicHolidays);
		}
		daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
	}

	boolean frenchHolidays() {
		return publicHolidays.equalsIgnoreCase("FR");
	}

}
