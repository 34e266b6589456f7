package io.dunning.channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.dunning.calendar.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a contact may go out now, and if not, until when it waits: the channel's hours and days in the company's
 * zone, and the business calendar's days off unless the channel goes out on them. Worked out from the configuration
 * alone, with no query, so that asking costs nothing however many contacts fall due at once.
 */
@Component
class ContactHours {

	/** Far more than any run of closed days a real calendar has. */
	private static final int SEARCHED_DAYS = 366;

	/** Why a contact waits. */
	enum Reason {
		OUTSIDE_HOURS, CLOSED_DAY, DAY_OFF
	}

	/** A contact that waits until {@code until}, in the company's zone. */
	record Hold(ZonedDateTime until, Reason reason) {
	}

	private final ContactHoursProperties properties;
	private final BusinessCalendar calendar;
	private final ZoneId zone;

	ContactHours(ContactHoursProperties properties, BusinessCalendar calendar, @Value("${dunning.zone}") ZoneId zone) {
		this.properties = properties;
		this.calendar = calendar;
		this.zone = zone;
	}

	/**
	 * @param preferredTime the case's own time of day for its contacts: a held contact goes out at it on the next day
	 * open to the channel, so that the cases held over a weekend do not all go out the moment it opens; null, or a
	 * time outside the channel's hours, for the moment they open
	 * @return empty when the contact may go out at {@code at}
	 */
	Optional<Hold> holdOf(Channel channel, Instant at, LocalTime preferredTime) {
		ContactHoursProperties.Hours hours = properties.of(channel);
		ZonedDateTime now = at.atZone(zone);
		Reason closed = closedOn(hours, now.toLocalDate());
		if (closed == null && hours.includes(now.toLocalTime())) {
			return Optional.empty();
		}
		LocalTime time = preferredTime != null && hours.includes(preferredTime) ? preferredTime : hours.opens();
		LocalDate day = now.toLocalDate();
		for (int i = 0; i < SEARCHED_DAYS; i++, day = day.plusDays(1)) {
			ZonedDateTime moment = ZonedDateTime.of(day, time, zone);
			if (closedOn(hours, day) == null && moment.isAfter(now)) {
				return Optional.of(new Hold(moment, closed == null ? Reason.OUTSIDE_HOURS : closed));
			}
		}
		throw new IllegalStateException("No day open to " + channel + " contacts in the " + SEARCHED_DAYS
				+ " days after " + now + ": see dunning.channel.contact-hours and dunning.calendar.days-off");
	}

	private Reason closedOn(ContactHoursProperties.Hours hours, LocalDate day) {
		if (!hours.days().contains(day.getDayOfWeek())) {
			return Reason.CLOSED_DAY;
		}
		return !hours.onDaysOff() && calendar.isDayOff(day) ? Reason.DAY_OFF : null;
	}

}
