package io.dunning.escalation.pause;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.Cases;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import io.dunning.web.InputErrors;
import io.dunning.web.NotFoundException;
import io.dunning.web.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager blocks dunning for an invoice or for all of a customer's open cases until a date; each case it holds
 * begins its hold now, and the engine waits until the expiry, or until the block is lifted.
 */
@Service
class BlockSetting {

	/** What a manager asks for; exactly one of the invoice and the customer. */
	record Request(String invoiceNumber, String customerId, String reason, String expiresOn) {
	}

	private final Blocks blocks;
	private final Holds holds;
	private final PathHolding holding;
	private final Cases cases;
	private final InvoiceCatalog invoices;
	private final CaseHistory history;
	private final PauseMessages messages;
	private final PathResumer resumer;
	private final DunningProperties properties;
	private final Clock clock;
	private final Period maxAhead;

	BlockSetting(Blocks blocks, Holds holds, PathHolding holding, Cases cases, InvoiceCatalog invoices,
			CaseHistory history, PauseMessages messages, PathResumer resumer, DunningProperties properties, Clock clock,
			@Value("${dunning.worklist.max-date-ahead:P1Y}") Period maxAhead) {
		this.blocks = blocks;
		this.holds = holds;
		this.holding = holding;
		this.cases = cases;
		this.invoices = invoices;
		this.history = history;
		this.messages = messages;
		this.resumer = resumer;
		this.properties = properties;
		this.clock = clock;
		this.maxAhead = maxAhead;
	}

	@Transactional
	Block set(Request request, String actor) {
		LocalDate today = today();
		LocalDate expiresOn = check(request, today);
		String invoiceNumber = blankToNull(request.invoiceNumber());
		String customerId = blankToNull(request.customerId());
		List<String> targets;
		if (invoiceNumber != null) {
			if (invoices.find(invoiceNumber).isEmpty()) {
				throw new NotFoundException("No invoice " + invoiceNumber, "not-found.invoice", invoiceNumber);
			}
			targets = List.of(invoiceNumber);
		}
		else {
			if (!invoices.customerExists(customerId)) {
				throw new NotFoundException("No customer " + customerId, "not-found.customer", customerId);
			}
			targets = invoices.owedNumbersOf(customerId);
		}
		boolean duplicate = blocks.active(today).stream()
			.anyMatch(b -> invoiceNumber != null ? invoiceNumber.equals(b.invoiceNumber()) : customerId.equals(b.customerId()));
		if (duplicate) {
			throw new ConflictException("An active block already covers " + (invoiceNumber != null ? "invoice "
					+ invoiceNumber : "customer " + customerId) + "; lift it first.");
		}
		String reason = request.reason().strip();
		long id = blocks.insert(invoiceNumber, customerId, reason, expiresOn, actor, clock.instant());
		for (String number : targets) {
			history.append(number, HistoryType.BLOCK_SET, null, actor,
					Map.of("blockId", id, "reason", reason, "expiresOn", expiresOn.toString(), "scope",
							invoiceNumber != null ? "invoice" : "customer"));
			hold(number, id, expiresOn, actor);
		}
		return new Block(id, invoiceNumber, customerId, reason, expiresOn, actor, clock.instant());
	}

	/** @return false when no active block has this id */
	@Transactional
	boolean lift(long id, String actor) {
		Block block = blocks.findActive(id, today()).orElse(null);
		if (block == null || !blocks.lift(id, actor, clock.instant())) {
			return false;
		}
		List<String> targets = block.invoiceNumber() != null ? List.of(block.invoiceNumber())
				: invoices.owedNumbersOf(block.customerId());
		for (String number : targets) {
			history.append(number, HistoryType.BLOCK_LIFTED, null, actor, Map.of("blockId", id));
			if (holds.findOpen(number).isPresent()) {
				messages.publishAfterCommit(PauseMessages.BLOCK_LIFTED, number,
						PauseMessages.BLOCK_LIFTED + "-" + id + "-" + number, Map.of());
			}
		}
		return true;
	}

	@Transactional(readOnly = true)
	List<Block> active() {
		return blocks.active(today());
	}

	/** Holds the case of this invoice, if it runs; a case held already goes on waiting for all of its pauses. */
	private void hold(String number, long blockId, LocalDate expiresOn, String actor) {
		cases.findOpen(number).ifPresent(dunningCase -> {
			if (holding.hold(number, dunningCase.currentStep(), actor, "block", Map.of())) {
				messages.publishAfterCommit(PauseMessages.DUNNING_BLOCKED, number,
						PauseMessages.DUNNING_BLOCKED + "-" + blockId + "-" + number,
						Map.of("blockedUntil", resumer.resumeMoment(expiresOn)));
			}
		});
	}

	private LocalDate check(Request request, LocalDate today) {
		InputErrors errors = new InputErrors();
		boolean byInvoice = blankToNull(request.invoiceNumber()) != null;
		boolean byCustomer = blankToNull(request.customerId()) != null;
		if (byInvoice == byCustomer) {
			String message = byInvoice ? "give the invoice or the customer, not both" : "give an invoice or a customer";
			errors.add(InputError.field("invoiceNumber", message));
			errors.add(InputError.field("customerId", message));
		}
		text(errors, "invoiceNumber", request.invoiceNumber(), 64);
		text(errors, "customerId", request.customerId(), 64);
		if (request.reason() == null || request.reason().isBlank()) {
			errors.add(InputError.field("reason", "required"));
		}
		else {
			text(errors, "reason", request.reason(), 500);
		}
		LocalDate expiresOn = null;
		if (request.expiresOn() == null || request.expiresOn().isBlank()) {
			errors.add(InputError.field("expiresOn", "required, a date such as 2026-01-31"));
		}
		else {
			try {
				expiresOn = LocalDate.parse(request.expiresOn());
				LocalDate latest = today.plus(maxAhead);
				if (!expiresOn.isAfter(today) || expiresOn.isAfter(latest)) {
					errors.add(InputError.field("expiresOn", "must be after " + today + " and at most " + latest));
				}
			}
			catch (java.time.format.DateTimeParseException e) {
				errors.add(InputError.field("expiresOn", "must be a date such as 2026-01-31"));
			}
		}
		errors.throwIfAny();
		return expiresOn;
	}

	private static void text(InputErrors errors, String field, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			errors.add(InputError.field(field, "at most " + max + " characters"));
		}
		TextInput.problemWith(value).ifPresent(problem -> errors.add(InputError.field(field, problem)));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), properties.zone());
	}

}
