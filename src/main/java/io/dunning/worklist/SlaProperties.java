package io.dunning.worklist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whom the SLA timers of the diagram tell (src/docs/assignment-and-sla.md). The days they count in are the business
 * calendar's ({@code dunning.calendar}).
 *
 * @param notifyEmail the managers' address that hears of every SLA passed; unset: the app shows it, nobody is mailed
 * @param notifyLanguage the language of that email ({@code fr} or {@code en})
 */
@ConfigurationProperties("dunning.worklist.sla")
record SlaProperties(String notifyEmail, String notifyLanguage) {

	SlaProperties {
		notifyEmail = notifyEmail == null || notifyEmail.isBlank() ? null : notifyEmail.strip();
		notifyLanguage = notifyLanguage == null || notifyLanguage.isBlank() ? "fr" : notifyLanguage.strip();
	}

}
