package io.dunning.escalation.pause;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reminder the managers get of a dispute that still holds dunning (src/docs/disputes-and-blocks.md).
 *
 * @param reminderAfter how long after the dispute was raised the managers are reminded of it, once, if it is still open
 * @param notifyEmail the managers' address (the SLAs' one by default); unset: the history records the reminder and
 * nobody is mailed
 * @param notifyLanguage the language of that email ({@code fr} or {@code en})
 */
@ConfigurationProperties("dunning.disputes")
record DisputeProperties(Period reminderAfter, String notifyEmail, String notifyLanguage) {

	DisputeProperties {
		reminderAfter = reminderAfter == null ? Period.ofDays(14) : reminderAfter;
		if (reminderAfter.isNegative() || reminderAfter.isZero()) {
			throw new IllegalArgumentException("dunning.disputes.reminder-after must be positive, not " + reminderAfter);
		}
		notifyEmail = notifyEmail == null || notifyEmail.isBlank() ? null : notifyEmail.strip();
		notifyLanguage = notifyLanguage == null || notifyLanguage.isBlank() ? "fr" : notifyLanguage.strip();
	}

}
