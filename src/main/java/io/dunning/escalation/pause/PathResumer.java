package io.dunning.escalation.pause;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.DunningCase;
import io.dunning.escalation.cases.PathHandover;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way out of every hold. It asks the database what holds the case now, so a message that arrived late, twice or
 * at the wrong wait does no harm: an open dispute goes to its resolution task, an active block waits for the latest
 * expiry, and with nothing left the path resumes at its step with its timers moved by the whole days it was held.
 */
@Component
class PathResumer {

	private static final Logger log = LoggerFactory.getLogger(PathResumer.class);
	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final PathHandover handover;
	private final Holds holds;
	private final Disputes disputes;
	private final Blocks blocks;
	private final InvoiceCatalog invoices;
	private final CaseHistory history;
	private final DunningProperties properties;
	private final Clock clock;
	private final ObjectMapper json;

	PathResumer(PathHandover handover, Holds holds, Disputes disputes, Blocks blocks, InvoiceCatalog invoices,
			CaseHistory history, DunningProperties properties, Clock clock, ObjectMapper json) {
		this.handover = handover;
		this.holds = holds;
		this.disputes = disputes;
		this.blocks = blocks;
		this.invoices = invoices;
		this.history = history;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	/** Called from a hold's last task by the instance {@code instanceKey}. */
	@Transactional(propagation = Propagation.MANDATORY)
	void continueCase(long instanceKey, String invoiceNumber, String why) {
		Optional<DunningCase> open = handover.lockOpen(invoiceNumber);
		if (open.isEmpty()) {
			holds.closeOf(invoiceNumber, clock.instant());
			return;
		}
		DunningCase dunningCase = open.get();
		if (dunningCase.processInstanceKey() == null || dunningCase.processInstanceKey() != instanceKey) {
			log.info("Invoice {}: instance {} no longer runs the case, it ends", invoiceNumber, instanceKey);
			return;
		}
		Map<String, Object> variables = read(dunningCase.variables());
		Optional<Hold> hold = holds.findOpen(invoiceNumber);
		Optional<Dispute> dispute = disputes.findOpen(invoiceNumber);
		if (dispute.isPresent()) {
			variables.put("disputeId", dispute.get().id());
			variables.put("disputeReason", dispute.get().reason().name());
			handover.handOver(dunningCase, instanceKey, HoldSteps.RESOLVE_DISPUTE, variables);
			return;
		}
		Invoice invoice = invoices.find(invoiceNumber).orElseThrow();
		Optional<LocalDate> blockedUntil = blocks
			.lastingActiveFor(invoiceNumber, invoice.customer().externalId(), today())
			.map(Block::expiresOn);
		if (blockedUntil.isPresent()) {
			variables.put("blockedUntil", resumeMoment(blockedUntil.get()));
			handover.handOver(dunningCase, instanceKey, HoldSteps.AWAIT_BLOCK_LIFTED, variables);
			return;
		}
		int days = hold.map(h -> (int) ChronoUnit.DAYS.between(date(h.heldSince()), today())).orElse(0);
		String step = hold.map(Hold::resumeStep).orElse(null);
		hold.ifPresent(h -> holds.release(h.id(), clock.instant(), days));
		Map<String, Object> details = new HashMap<>();
		details.put("why", why);
		details.put("pausedDays", days);
		details.put("resumeStep", step == null ? "start" : step);
		history.append(invoiceNumber, HistoryType.PATH_RESUMED, step, "system", details);
		handover.handOver(dunningCase, instanceKey, step, AnchorShift.shift(variables, days));
	}

	/**
	 * The invoice got new terms: the path starts again from the beginning, on the new due date, with nothing moved.
	 * Its last contact is kept, so the pacing between contacts still holds.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void restartCase(long instanceKey, String invoiceNumber) {
		Optional<DunningCase> open = handover.lockOpen(invoiceNumber);
		if (open.isEmpty() || open.get().processInstanceKey() == null
				|| open.get().processInstanceKey() != instanceKey) {
			return;
		}
		Map<String, Object> kept = new HashMap<>();
		Map<String, Object> variables = read(open.get().variables());
		kept.put("lastContactAt", variables.get("lastContactAt"));
		kept.put(AnchorShift.PAUSED_DAYS, 0);
		holds.findOpen(invoiceNumber).ifPresent(h -> holds.release(h.id(), clock.instant(), 0));
		history.append(invoiceNumber, HistoryType.PATH_RESUMED, null, "system",
				Map.of("why", "invoice corrected", "resumeStep", "start", "pausedDays", 0));
		handover.handOver(open.get(), instanceKey, null, kept);
	}

	/** Blocks end on their expiry date, at the contact time: the moment the engine's timer resumes the path. */
	String resumeMoment(LocalDate expiresOn) {
		return ZonedDateTime.of(expiresOn, properties.contactTime(), properties.zone())
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private LocalDate today() {
		return date(clock.instant());
	}

	private LocalDate date(java.time.Instant instant) {
		return LocalDate.ofInstant(instant, properties.zone());
	}

	private Map<String, Object> read(String variables) {
		if (variables == null) {
			return new HashMap<>();
		}
		try {
			return new HashMap<>(json.readValue(variables, VARIABLES));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable variables snapshot", e);
		}
	}

}
