package io.dunning.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKey empty means no SendGrid: emails go to the outbox
 * @param host a host:port reached over plain http instead of api.sendgrid.com, for a local stub in tests
 */
@ConfigurationProperties("dunning.sendgrid")
record SendGridProperties(String apiKey, String from, String host) {

	boolean configured() {
		return apiKey != null && !apiKey.isBlank();
	}

	boolean customHost() {
		return host != null && !host.isBlank();
	}

}
