package io.dunning.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A provider is used when its credentials are set; without them its messages are kept in the outbox, never dropped. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

	@Bean
	Gateways gateways(SendGridProperties sendGrid, TwilioProperties twilio, ChannelProperties channel,
			OutboxGateway outbox) {
		Gateway email = sendGrid.configured() ? SendGridEmailGateway.create(sendGrid, channel.providerTimeouts()) : outbox;
		Gateway sms = twilio.configured() ? TwilioSmsGateway.create(twilio, channel.providerTimeouts()) : outbox;
		log.info("Emails go to {}, SMS to {}, letters to the outbox", email.provider(), sms.provider());
		return new Gateways(email, sms, outbox);
	}

}
