package io.dunning.channel;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OutboxController {

	private final OutboxMessages outbox;

	OutboxController(OutboxMessages outbox) {
		this.outbox = outbox;
	}

	/** The messages kept instead of sent, oldest first; all of them, or one invoice's. */
	@GetMapping("/api/outbox")
	List<OutboxEntry> list(@RequestParam(required = false) String invoiceNumber) {
		return outbox.findAll(invoiceNumber);
	}

}
