package io.dunning.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param companyName the creditor, as it signs its messages and letters */
@ConfigurationProperties("dunning.channel")
record ChannelProperties(String companyName) {

	ChannelProperties {
		if (companyName == null || companyName.isBlank()) {
			throw new IllegalArgumentException("dunning.channel.company-name must name the company that signs the letters");
		}
	}

}
