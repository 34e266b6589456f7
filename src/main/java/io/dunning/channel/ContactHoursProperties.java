package io.dunning.channel;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a customer may hear from us, per channel, in the company's zone (src/docs/contact-hours.md). A contact asked
 * for at another moment waits for the next one.
 */
@ConfigurationProperties("dunning.channel.contact-hours")
record ContactHoursProperties(Hours email, Hours sms, Hours letter) {

	ContactHoursProperties {
		require(email, "email");
		require(sms, "sms");
		require(letter, "letter");
	}

	Hours of(Channel channel) {
		return switch (channel) {
			case EMAIL -> email;
			case SMS -> sms;
			case LETTER -> letter;
		};
	}

	private static void require(Hours hours, String channel) {
		if (hours == null) {
			throw new IllegalArgumentException("dunning.channel.contact-hours." + channel + " must say when " + channel
					+ " contacts may go out (opens, closes, days)");
		}
	}

	/**
	 * @param opens the time of day from which contacts go out
	 * @param closes the time of day from which they no longer do; 00:00 is the midnight that ends the day
	 * @param days the days of the week on which they go out
	 * @param onDaysOff whether they also go out on the business calendar's public holidays and days off
	 */
	record Hours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days, boolean onDaysOff) {

		Hours {
			if (opens == null || closes == null || days == null || days.isEmpty()) {
				throw new IllegalArgumentException("dunning.channel.contact-hours: each channel needs opens, closes and "
						+ "at least one day");
			}
			if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
				throw new IllegalArgumentException("dunning.channel.contact-hours: opens (" + opens
						+ ") must come before closes (" + closes + "; 00:00 for midnight)");
			}
			days = Set.copyOf(EnumSet.copyOf(days));
		}

		boolean includes(LocalTime time) {
			return !time.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
		}

	}

}
