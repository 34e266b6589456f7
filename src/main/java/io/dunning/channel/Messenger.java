package io.dunning.channel;

import org.springframework.stereotype.Service;

/**
 * The one entry point for every outbound contact. It writes the delivery ledger row before calling a provider and
 * sends nothing for a (case, step, channel) already sent.
 */
@Service
public class Messenger {

	public Delivery send(ContactRequest request) {
		throw new UnsupportedOperationException("not built yet");
	}

}
