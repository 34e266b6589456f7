package io.dunning.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties("FR",
			List.of(LocalDate.of(2025, 5, 2))), PARIS);

	@Test
	void aTaskOpenedOnAFridayHasItsSecondBusinessDayOnTuesdayAtTheSameLocalTime() {
		List<ZonedDateTime> days = calendar.nextBusinessDays(paris(2025, 3, 14, 10, 15).toInstant(), 2);

		assertThat(days).containsExactly(paris(2025, 3, 17, 10, 15), paris(2025, 3, 18, 10, 15));
	}

	@Test
	void theLocalTimeHoldsAcrossTheChangeToSummerTime() {
		// 28 March 2025 is a Friday; the clocks go forward on Sunday 30 March.
		List<ZonedDateTime> days = calendar.nextBusinessDays(paris(2025, 3, 28, 9, 0).toInstant(), 2);

		assertThat(days.get(1)).isEqualTo(paris(2025, 4, 1, 9, 0));
		assertThat(days.get(1).toInstant()).isEqualTo(paris(2025, 3, 28, 9, 0).toInstant().plusSeconds(4 * 86_400 - 3_600));
	}

	@Test
	void frenchPublicHolidaysAndConfiguredDaysOffAreSkipped() {
		// Easter Monday 2025 is 21 April; 1 May is a Thursday, and 2 May is a configured bridge day.
		assertThat(calendar.nextBusinessDays(paris(2025, 4, 18, 9, 0).toInstant(), 1))
			.containsExactly(paris(2025, 4, 22, 9, 0));
		assertThat(calendar.nextBusinessDays(paris(2025, 4, 30, 9, 0).toInstant(), 1))
			.containsExactly(paris(2025, 5, 5, 9, 0));
		assertThat(BusinessCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(BusinessCalendar.isFrenchHoliday(LocalDate.of(2026, 5, 14))).as("Ascension 2026").isTrue();
		assertThat(BusinessCalendar.isFrenchHoliday(LocalDate.of(2026, 5, 25))).as("Whit Monday 2026").isTrue();
		assertThat(BusinessCalendar.isFrenchHoliday(LocalDate.of(2026, 5, 26))).isFalse();
	}

	@Test
	void withoutPublicHolidaysOnlyWeekendsAreSkipped() {
		BusinessCalendar plain = new BusinessCalendar(new CalendarProperties("NONE", null), PARIS);

		assertThat(plain.nextBusinessDays(paris(2025, 4, 18, 9, 0).toInstant(), 1))
			.containsExactly(paris(2025, 4, 21, 9, 0));
	}

	private static ZonedDateTime paris(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), PARIS);
	}

}
