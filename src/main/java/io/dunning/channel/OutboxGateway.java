package io.dunning.channel;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a message, with its attachments, for a person to send or post: nothing leaves the building from here. */
@Component
class OutboxGateway implements Gateway {

	private final OutboxMessages outbox;

	private final Clock clock;

	OutboxGateway(OutboxMessages outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public String provider() {
		return "outbox";
	}

	@Override
	@Transactional
	public String send(OutboundMessage message) {
		// One message per ledger row (a unique key): an attempt whose outcome was lost finds its message here.
		Optional<Long> queued = outbox.idOf(message.ledgerId());
		if (queued.isPresent()) {
			return "outbox-" + queued.get();
		}
		long id = outbox.insert(message, clock.instant());
		message.attachments().forEach(attachment -> outbox.attach(id, attachment));
		return "outbox-" + id;
	}

}
