package io.dunning.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotency guarantee of every outbound contact. Each step commits on its own (REQUIRES_NEW), even inside a
 * caller's transaction: the attempt must be on record before the provider is called, and the sending must stay on
 * record when the caller rolls back afterwards.
 */
@Service
class DeliveryLedger {

	private static final String ACTOR = "system";

	private final Deliveries deliveries;

	private final CaseHistory history;

	private final Clock clock;

	private final Duration inFlightTimeout;

	private final Clock wallClock = Clock.systemUTC();

	DeliveryLedger(Deliveries deliveries, CaseHistory history, Clock clock, ChannelProperties properties) {
		this.deliveries = deliveries;
		this.history = history;
		this.clock = clock;
		this.inFlightTimeout = properties.inFlightTimeout();
	}

	/**
	 * Locks the row and counts one more attempt, unless it is already SENT: then it is returned untouched.
	 *
	 * @throws DeliveryInFlightException while another attempt may still be calling the provider
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	LedgerEntry open(ContactRequest request, String recipient) {
		LedgerEntry entry = lockOrCreate(request);
		if (entry.sent()) {
			return entry;
		}
		// Wall-clock time: how long an attempt has been running is about a live provider call, and a jump of the
		// business clock (a demo's clock advance) must not make a call still in flight look abandoned.
		Instant now = wallClock.instant();
		Instant abandonedAt = entry.updatedAt().plus(inFlightTimeout);
		if (entry.inFlight() && abandonedAt.isAfter(now)) {
			throw new DeliveryInFlightException("attempt " + entry.attempts() + " at this " + request.channel()
					+ " is still in flight since " + entry.updatedAt() + "; try again after " + inFlightTimeout,
					Duration.between(now, abandonedAt));
		}
		deliveries.attempt(entry.id(), recipient, now);
		return new LedgerEntry(entry.id(), DeliveryStatus.SENDING, entry.attempts() + 1, now, null);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Instant sent(long id, ContactRequest request, String recipient, String provider, String providerMessageId) {
		deliveries.sent(id, provider, providerMessageId, clock.instant());
		// Read back, so that this answer and a repeated request's are the same instant at the column's precision.
		Instant sentAt = deliveries.sentAt(id);
		Map<String, Object> details = details(request, id, recipient);
		details.put("provider", provider);
		history.append(request.invoice().invoiceNumber(), HistoryType.MESSAGE_SENT, request.step(), ACTOR, details);
		return sentAt;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(long id, String error) {
		deliveries.close(id, DeliveryStatus.FAILED, error, clock.instant());
	}

	/**
	 * Records that the recipient cannot be reached on this channel. The history says so once, however often the job
	 * is redelivered; a later attempt still looks again, in case the address has been added since.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Delivery skipped(ContactRequest request, String reason) {
		LedgerEntry entry = lockOrCreate(request);
		if (entry.sent()) {
			return new Delivery(entry.id(), entry.sentAt(), true);
		}
		Instant now = clock.instant();
		deliveries.attempt(entry.id(), null, now);
		deliveries.close(entry.id(), DeliveryStatus.SKIPPED, reason, now);
		if (entry.status() != DeliveryStatus.SKIPPED) {
			Map<String, Object> details = details(request, entry.id(), null);
			details.put("status", DeliveryStatus.SKIPPED.name());
			details.put("reason", reason);
			history.append(request.invoice().invoiceNumber(), HistoryType.MESSAGE_SENT, request.step(), ACTOR,
					details);
		}
		return new Delivery(entry.id(), null, false);
	}

	/**
	 * Records in the history that the contact waits until the hold's end, once per hold however often its job comes
	 * back. A contact already sent (a job delivered again after the hours closed) is not held: its sending is answered.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Delivery> held(ContactRequest request, ContactHours.Hold hold) {
		Optional<Delivery> sent = deliveries.sent(request.caseId(), request.step(), request.channel());
		if (sent.isEmpty()) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("channel", request.channel().name());
			details.put("template", request.template());
			details.put("heldUntil", hold.until().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			details.put("reason", hold.reason().name());
			history.appendOnce("held:" + request.caseId() + ":" + request.step() + ":" + request.channel() + ":"
					+ hold.until().toEpochSecond(), request.invoice().invoiceNumber(), HistoryType.CONTACT_HELD,
					request.step(), ACTOR, details);
		}
		return sent;
	}

	// Insert first, then lock a row that surely exists: a locking read of a missing row takes a gap lock on MySQL,
	// and two first attempts at different contacts would then deadlock on their inserts.
	private LedgerEntry lockOrCreate(ContactRequest request) {
		try {
			deliveries.insert(request, clock.instant());
		}
		catch (DuplicateKeyException alreadyRecorded) {
			// An earlier attempt at this contact wrote the row: lock that one.
		}
		return deliveries.lock(request.caseId(), request.step(), request.channel()).orElseThrow();
	}

	private static Map<String, Object> details(ContactRequest request, long ledgerId, String recipient) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("channel", request.channel().name());
		details.put("ledgerId", ledgerId);
		details.put("recipient", recipient);
		details.put("template", request.template());
		return details;
	}

}
