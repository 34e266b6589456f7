package io.dunning.escalation.pause;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.OpeningHold;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case opened while a block covers its invoice (a customer's block set before this invoice fell overdue) begins
 * held: its hold records no step, so the path starts from the beginning once the block ends.
 */
@Component
class BlockedAtOpening implements OpeningHold {

	private final Blocks blocks;
	private final PathHolding holding;
	private final InvoiceCatalog invoices;
	private final PathResumer resumer;
	private final DunningProperties properties;
	private final Clock clock;

	BlockedAtOpening(Blocks blocks, PathHolding holding, InvoiceCatalog invoices, PathResumer resumer,
			DunningProperties properties, Clock clock) {
		this.blocks = blocks;
		this.holding = holding;
		this.invoices = invoices;
		this.resumer = resumer;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Optional<HeldStart> heldStart(String invoiceNumber) {
		String customerId = invoices.find(invoiceNumber).orElseThrow().customer().externalId();
		LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
		Optional<Block> latest = blocks.lastingActiveFor(invoiceNumber, customerId, today);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		// A start sent again (the engine did not answer) finds the hold it began the first time.
		holding.hold(invoiceNumber, null, "system", "block", Map.of("blockId", latest.get().id(), "atOpening", true));
		return Optional.of(new HeldStart(HoldSteps.AWAIT_BLOCK_LIFTED,
				Map.of("blockedUntil", resumer.resumeMoment(latest.get().expiresOn()))));
	}

}
