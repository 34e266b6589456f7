package io.dunning.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business days in the company's zone: not a Saturday, a Sunday, a public holiday (the French ones by default) or a
 * configured day off. An SLA counted in business days ends at the same local time of day as it started; the contact
 * hours keep customers from hearing from us on a day off.
 */
@Component
public class BusinessCalendar {

	private static final Set<MonthDay> FIXED_FRENCH_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1),
			MonthDay.of(5, 8), MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11),
			MonthDay.of(12, 25));

	private final CalendarProperties properties;
	private final ZoneId zone;

	public BusinessCalendar(CalendarProperties properties, @Value("${dunning.zone}") ZoneId zone) {
		this.properties = properties;
		this.zone = zone;
	}

	/** The same local time of day on each of the next {@code count} business days after {@code from}'s date. */
	public List<ZonedDateTime> nextBusinessDays(Instant from, int count) {
		ZonedDateTime start = from.atZone(zone);
		List<ZonedDateTime> days = new ArrayList<>(count);
		for (LocalDate day = start.toLocalDate().plusDays(1); days.size() < count; day = day.plusDays(1)) {
			if (isBusinessDay(day)) {
				// A local time that a spring-forward skips moves forward by the gap, as ZonedDateTime.of does.
				days.add(ZonedDateTime.of(day, start.toLocalTime(), zone));
			}
		}
		return days;
	}

	public boolean isBusinessDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !isDayOff(day);
	}

	/** A public holiday or a configured day off, whatever the day of the week. */
	public boolean isDayOff(LocalDate day) {
		return properties.daysOff().contains(day) || properties.frenchHolidays() && isFrenchHoliday(day);
	}

	/** The eleven public holidays of metropolitan France: eight fixed, three after Easter. */
	static boolean isFrenchHoliday(LocalDate day) {
		if (FIXED_FRENCH_HOLIDAYS.contains(MonthDay.from(day))) {
			return true;
		}
		LocalDate easter = easterSunday(day.getYear());
		return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
	}

	/** Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher). */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, dayOfMonth);
	}

}
