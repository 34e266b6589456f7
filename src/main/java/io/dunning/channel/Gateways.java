package io.dunning.channel;

/** Which gateway carries each channel. Letters always go to the outbox, to be posted as registered mail. */
record Gateways(Gateway email, Gateway sms, Gateway letter) {

	Gateway of(Channel channel) {
		return switch (channel) {
			case EMAIL -> email;
			case SMS -> sms;
			case LETTER -> letter;
		};
	}

}
