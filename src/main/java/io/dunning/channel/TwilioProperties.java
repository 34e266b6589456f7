package io.dunning.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accountSid empty (or an empty token) means no Twilio: SMS go to the outbox
 * @param host a host:port that every Twilio call is routed to over plain http, for a local stub in tests
 */
@ConfigurationProperties("dunning.twilio")
record TwilioProperties(String accountSid, String authToken, String from, String host) {

	boolean configured() {
		return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
	}

	boolean customHost() {
		return host != null && !host.isBlank();
	}

}
