package io.dunning.escalation.pause;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves a case's timers by the days its path spent paused. Zeebe cannot move a timer, so the anchors the diagram's
 * timers are computed from move instead: the dates and instants the path recorded before the pause are shifted, and
 * {@code pausedDays} grows, which the timers counted from the due date add. Whole calendar days, so timed contacts
 * keep their time of day.
 */
final class AnchorShift {

	/** The variables the diagram's timers read, other than the due date. */
	static final Set<String> ANCHORS = Set.of("lastContactAt", "promisedDate", "noticeReviewedAt", "handoffReviewedAt",
			"noticeSentAt", "noticeDeadline");

	static final String PAUSED_DAYS = "pausedDays";

	static final String BUSINESS_DAYS = "businessDays";

	private AnchorShift() {
	}

	static Map<String, Object> shift(Map<String, Object> variables, int days) {
		Map<String, Object> shifted = new HashMap<>(variables);
		for (String anchor : ANCHORS) {
			if (shifted.get(anchor) instanceof String value) {
				shifted.put(anchor, plusDays(value, days));
			}
		}
		if (shifted.get("instalments") instanceof List<?> instalments) {
			List<Object> moved = new ArrayList<>();
			for (Object instalment : instalments) {
				if (instalment instanceof Map<?, ?> map && map.get("dueDate") instanceof String due) {
					Map<Object, Object> copy = new HashMap<>(map);
					copy.put("dueDate", plusDays(due, days));
					moved.add(copy);
				}
				else {
					moved.add(instalment);
				}
			}
			shifted.put("instalments", moved);
		}
		// The SLA of the task the path resumes before is counted from these days (BusinessDaysListener): a call held a
		// week must not come back with its SLA already passed.
		if (shifted.get(BUSINESS_DAYS) instanceof List<?> businessDays) {
			shifted.put(BUSINESS_DAYS, businessDays.stream()
				.map(day -> day instanceof String text ? plusDays(text, days) : day)
				.toList());
		}
		int before = shifted.get(PAUSED_DAYS) instanceof Number n ? n.intValue() : 0;
		shifted.put(PAUSED_DAYS, before + days);
		return shifted;
	}

	/** A date, an instant with an offset, or one with a zone id, each written back as it was read. */
	static String plusDays(String value, int days) {
		try {
			return LocalDate.parse(value).plusDays(days).toString();
		}
		catch (DateTimeParseException notADate) {
			// an instant, then
		}
		try {
			return OffsetDateTime.parse(value).plusDays(days).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		catch (DateTimeParseException notOffset) {
			// with a zone id, then
		}
		try {
			return ZonedDateTime.parse(value).plusDays(days).format(DateTimeFormatter.ISO_ZONED_DATE_TIME);
		}
		catch (DateTimeParseException unknown) {
			return value;
		}
	}

}
