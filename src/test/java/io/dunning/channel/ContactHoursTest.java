package io.dunning.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.dunning.calendar.BusinessCalendar;
import io.dunning.calendar.CalendarProperties;
import io.dunning.channel.ContactHours.Hold;
import io.dunning.channel.ContactHours.Reason;
import io.dunning.channel.ContactHoursProperties.Hours;
import org.junit.jupiter.api.Test;

/** When a contact may go out, and until when it waits: the hours of the application's defaults, in Paris. */
class ContactHoursTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final LocalTime NINE = LocalTime.of(9, 0);

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	final ContactHours hours = hours(new Hours(LocalTime.of(8, 0), LocalTime.of(20, 0), WEEKDAYS, false),
			new Hours(NINE, LocalTime.of(19, 0), WEEKDAYS, false),
			new Hours(LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), false));

	@Test
	void withinTheHoursOfAWorkingDayAContactGoesAtOnce() {
		// Tuesday 8 June 2027.
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 6, 8, 8, 0), NINE)).isEmpty();
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 6, 8, 19, 59), NINE)).isEmpty();
		assertThat(hours.holdOf(Channel.SMS, paris(2027, 6, 8, 18, 30), NINE)).isEmpty();
	}

	@Test
	void aContactAtSeventeenPastMidnightWaitsForTheCasesTimeThatMorning() {
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 6, 8, 0, 17), LocalTime.of(9, 47)))
			.contains(new Hold(local(2027, 6, 8, 9, 47), Reason.OUTSIDE_HOURS));
		// With no time of its own, or one outside the hours, it waits for the opening.
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 6, 8, 0, 17), null))
			.contains(new Hold(local(2027, 6, 8, 8, 0), Reason.OUTSIDE_HOURS));
		assertThat(hours.holdOf(Channel.SMS, paris(2027, 6, 8, 0, 17), LocalTime.of(8, 30)))
			.contains(new Hold(local(2027, 6, 8, 9, 0), Reason.OUTSIDE_HOURS));
	}

	@Test
	void anEveningContactWaitsForTheNextWorkingDayAndAFridayOneForMonday() {
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 6, 8, 20, 0), NINE))
			.contains(new Hold(local(2027, 6, 9, 9, 0), Reason.OUTSIDE_HOURS));
		// An SMS closes earlier than an email.
		assertThat(hours.holdOf(Channel.SMS, paris(2027, 6, 11, 19, 30), NINE))
			.contains(new Hold(local(2027, 6, 14, 9, 0), Reason.OUTSIDE_HOURS));
	}

	@Test
	void aWeekendContactWaitsForMondayUnlessItsChannelOpensOnSaturday() {
		// Saturday 12 June 2027.
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 6, 12, 10, 0), NINE))
			.contains(new Hold(local(2027, 6, 14, 9, 0), Reason.CLOSED_DAY));
		assertThat(hours.holdOf(Channel.LETTER, paris(2027, 6, 12, 10, 0), NINE)).isEmpty();
		assertThat(hours.holdOf(Channel.LETTER, paris(2027, 6, 13, 10, 0), NINE))
			.contains(new Hold(local(2027, 6, 14, 9, 0), Reason.CLOSED_DAY));
	}

	@Test
	void aPublicHolidayOrADayOffWaitsForTheNextWorkingDay() {
		// 14 July 2027 is a Wednesday; Easter Monday 2027 is 29 March; 2 July 2027 is a configured day off, a Friday.
		assertThat(hours.holdOf(Channel.SMS, paris(2027, 7, 14, 11, 0), NINE))
			.contains(new Hold(local(2027, 7, 15, 9, 0), Reason.DAY_OFF));
		assertThat(hours.holdOf(Channel.EMAIL, paris(2027, 3, 26, 21, 0), NINE))
			.contains(new Hold(local(2027, 3, 30, 9, 0), Reason.OUTSIDE_HOURS));
		assertThat(hours.holdOf(Channel.LETTER, paris(2027, 7, 2, 9, 0), NINE))
			.contains(new Hold(local(2027, 7, 3, 9, 0), Reason.DAY_OFF));
		// A channel open on days off goes out on them.
		ContactHours onHolidays = hours(new Hours(LocalTime.of(8, 0), LocalTime.of(20, 0), WEEKDAYS, true),
				new Hours(NINE, LocalTime.of(19, 0), WEEKDAYS, false), new Hours(NINE, LocalTime.of(18, 0), WEEKDAYS, false));
		assertThat(onHolidays.holdOf(Channel.EMAIL, paris(2027, 7, 14, 11, 0), NINE)).isEmpty();
	}

	@Test
	void theCasesTimeHoldsAcrossTheChangeToSummerTime() {
		// Saturday 27 March 2027; clocks go forward on Sunday 28; Monday 29 is Easter Monday.
		Optional<Hold> hold = hours.holdOf(Channel.EMAIL, paris(2027, 3, 27, 9, 0), NINE);

		assertThat(hold).contains(new Hold(local(2027, 3, 30, 9, 0), Reason.CLOSED_DAY));
		assertThat(hold.get().until().getOffset().getTotalSeconds()).isEqualTo(7_200);
	}

	@Test
	void hoursThatCloseAtMidnightAndBadHoursAreRefusedOrRead() {
		Hours allDay = new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, WEEKDAYS, true);
		assertThat(allDay.includes(LocalTime.of(23, 59, 59))).isTrue();
		assertThat(allDay.includes(LocalTime.MIDNIGHT)).isTrue();
		assertThatThrownBy(() -> new Hours(LocalTime.of(20, 0), LocalTime.of(8, 0), WEEKDAYS, false))
			.hasMessageContaining("opens (20:00) must come before closes");
		assertThatThrownBy(() -> new Hours(NINE, LocalTime.of(18, 0), Set.of(), false))
			.hasMessageContaining("at least one day");
		assertThatThrownBy(() -> new ContactHoursProperties(allDay, allDay, null))
			.hasMessageContaining("dunning.channel.contact-hours.letter");
	}

	private static ContactHours hours(Hours email, Hours sms, Hours letter) {
		BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties("FR", List.of(LocalDate.of(2027, 7, 2))),
				PARIS);
		return new ContactHours(new ContactHoursProperties(email, sms, letter), calendar, PARIS);
	}

	private static java.time.Instant paris(int year, int month, int day, int hour, int minute) {
		return local(year, month, day, hour, minute).toInstant();
	}

	private static ZonedDateTime local(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), PARIS);
	}

}
