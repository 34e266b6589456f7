package io.dunning.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param companyName the creditor, as it signs its messages and letters
 * @param inFlightTimeout how long an attempt that has not finished blocks another attempt at the same contact; longer
 * than any provider call can take, so that a job redelivered while the first call still runs does not send twice
 */
@ConfigurationProperties("dunning.channel")
record ChannelProperties(String companyName, Duration inFlightTimeout) {

	ChannelProperties {
		if (companyName == null || companyName.isBlank()) {
			throw new IllegalArgumentException("dunning.channel.company-name must name the company that signs the letters");
		}
		inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(5) : inFlightTimeout;
	}

}
