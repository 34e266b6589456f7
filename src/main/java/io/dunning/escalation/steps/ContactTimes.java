package io.dunning.escalation.steps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Contact instants as the diagram's FEEL reads them: an ISO date-time with its offset. */
public final class ContactTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private ContactTimes() {
	}

	public static String format(Instant instant, ZoneId zone) {
		return OffsetDateTime.ofInstant(instant, zone).format(FORMAT);
	}

}
