package io.dunning.escalation.steps;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Contact instants as the diagram's FEEL reads them: the local date-time and the zone's id
 * ({@code 2027-03-24T15:00:00@Europe/Paris}). The zone, not an offset, so that the diagram can count the gap to the
 * next contact in calendar days at the same local time, whatever daylight-saving change falls in between.
 */
public final class ContactTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'@'VV");

	private ContactTimes() {
	}

	public static String format(Instant instant, ZoneId zone) {
		return ZonedDateTime.ofInstant(instant, zone).format(FORMAT);
	}

}
