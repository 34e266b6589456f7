package io.dunning.escalation.notice;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.channel.Attachment;
import io.dunning.channel.Channel;
import io.dunning.channel.ContactHeldException;
import io.dunning.channel.ContactRequest;
import io.dunning.channel.Delivery;
import io.dunning.channel.LetterRenderer;
import io.dunning.channel.Messenger;
import io.dunning.channel.NoticeLetter;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.escalation.rates.HalfYear;
import io.dunning.escalation.rates.MissingRateException;
import io.dunning.escalation.rates.RateKind;
import io.dunning.escalation.rates.Rates;
import io.dunning.escalation.steps.ContactFacts;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.PostalAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the mise en demeure: a PDF letter, stored as issued, sent by email and queued for registered mail. A
 * redelivered job sends the stored letter again, never a new one, and the history records the notice once.
 */
@Service
public class FormalNotices {

	static final String TEMPLATE = "formal-notice";

	/** What issuing a notice came to. */
	public sealed interface Outcome {

		/** @param deadline the last day the notice gives to pay */
		record Issued(Instant sentAt, LocalDate deadline) implements Outcome {
		}

		/** The invoice was paid or cancelled, or the case closed: nothing (more) was sent. */
		record CaseOver() implements Outcome {
		}

		/** The customer has no postal address: the notice is held, nothing was sent. */
		record AddressMissing(String customerName) implements Outcome {
		}

		/** A rate table lacks a half-year the notice needs: the notice is held, nothing was sent. */
		record RateMissing(RateKind kind, HalfYear halfYear, String reason) implements Outcome {
		}

	}

	private final OwedCases owed;
	private final IssuedNotices issued;
	private final LetterRenderer letters;
	private final Messenger messenger;
	private final CaseHistory history;
	private final TransactionTemplate transactions;
	private final DunningProperties properties;
	private final StoredTerms terms;
	private final Rates rates;
	private final Clock clock;

	FormalNotices(OwedCases owed, IssuedNotices issued, LetterRenderer letters, Messenger messenger,
			CaseHistory history, TransactionTemplate transactions, DunningProperties properties, StoredTerms terms,
			Rates rates, Clock clock) {
		this.owed = owed;
		this.issued = issued;
		this.letters = letters;
		this.messenger = messenger;
		this.history = history;
		this.transactions = transactions;
		this.properties = properties;
		this.terms = terms;
		this.rates = rates;
		this.clock = clock;
	}

	Outcome issue(String invoiceNumber, String step) {
		Optional<OwedCases.OwedCase> current = owed.find(invoiceNumber);
		if (current.isEmpty()) {
			return new Outcome.CaseOver();
		}
		Invoice invoice = current.get().invoice();
		long caseId = current.get().caseId();
		Optional<IssuedNotice> earlier = issued.find(caseId, step);
		if (earlier.isEmpty() && !invoice.customer().hasPostalAddress()) {
			return new Outcome.AddressMissing(invoice.customer().name());
		}
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		IssuedNotice notice;
		try {
			notice = earlier.isEmpty() ? store(caseId, step, invoice, today)
					// A notice that never went out (its sending failed for days) is issued again today, so that its date
					// and deadline hold; once any of it may have gone out, it is the letter, and is sent as it is.
					: earlier.get().issuedOn().equals(today) || messenger.anyAttempted(caseId, step) ? earlier.get()
							: reissue(caseId, step, invoice, today);
		}
		catch (MissingRateException e) {
			return held(caseId, invoiceNumber, step, e);
		}
		Attachment pdf = new Attachment("mise-en-demeure-" + invoice.number() + ".pdf", "application/pdf", notice.pdf());
		// Rendering takes a moment, and a payment may arrive at any time: look again before each sending.
		if (owed.find(invoiceNumber).isEmpty()) {
			return new Outcome.CaseOver();
		}
		// Each channel keeps its own contact hours (letters may be posted on a Saturday): one held does not hold the
		// other, and the job comes back for the held one when it may go.
		ContactHeldException held = null;
		Delivery email = null;
		try {
			email = messenger.send(request(caseId, step, Channel.EMAIL, invoice, notice, pdf));
		}
		catch (ContactHeldException e) {
			held = e;
		}
		if (owed.find(invoiceNumber).isEmpty()) {
			return new Outcome.CaseOver();
		}
		Delivery post = null;
		try {
			post = messenger.send(request(caseId, step, Channel.LETTER, invoice, notice, pdf));
		}
		catch (ContactHeldException e) {
			held = held == null || e.until().isBefore(held.until()) ? e : held;
		}
		if (held != null) {
			throw held;
		}
		transactions.executeWithoutResult(tx -> history.appendOnce("notice:" + caseId + ":" + step, invoiceNumber,
				HistoryType.NOTICE_ISSUED, step, "system", details(notice)));
		Instant sent = post.sentAt() != null ? post.sentAt() : email.sentAt();
		return new Outcome.Issued(sent, notice.deadline());
	}

	/** The case's latest notice, exactly as it was sent. */
	public Optional<IssuedNotice> issuedFor(long caseId) {
		return issued.latest(caseId);
	}

	NoticeLetter letter(Invoice invoice, LocalDate issuedOn) {
		return NoticeTerms.of(invoice, issuedOn, properties.notice(), rates);
	}

	/** A wrong figure in a mise en demeure is worse than a late one: the case's history says which rate is awaited. */
	private Outcome held(long caseId, String invoiceNumber, String step, MissingRateException missing) {
		transactions.executeWithoutResult(tx -> history.appendOnce(
				"notice-held:" + caseId + ":" + step + ":" + missing.kind() + ":" + missing.halfYear(), invoiceNumber,
				HistoryType.NOTICE_HELD, step, "system", Map.of("reason", "RATE_MISSING", "kind", missing.kind().name(),
						"halfYear", missing.halfYear().toString(), "message", missing.getMessage())));
		return new Outcome.RateMissing(missing.kind(), missing.halfYear(), missing.getMessage());
	}

	private IssuedNotice store(long caseId, String step, Invoice invoice, LocalDate today) {
		IssuedNotice notice = render(caseId, step, invoice, today);
		return transactions.execute(tx -> issued.insertOrKeep(notice, clock.instant()));
	}

	private IssuedNotice reissue(long caseId, String step, Invoice invoice, LocalDate today) {
		IssuedNotice notice = render(caseId, step, invoice, today);
		transactions.executeWithoutResult(tx -> issued.replace(notice, clock.instant()));
		return notice;
	}

	private IssuedNotice render(long caseId, String step, Invoice invoice, LocalDate today) {
		NoticeLetter letter = letter(invoice, today);
		byte[] pdf = letters.render(letter);
		return new IssuedNotice(caseId, step, invoice.number(), letter.issuedOn(), letter.deadline(),
				terms.write(letter), pdf, sha256(pdf));
	}

	private Map<String, Object> details(IssuedNotice notice) {
		Map<String, Object> details = new LinkedHashMap<>(terms.read(notice.terms()));
		details.put("pdfSha256", notice.pdfSha256());
		return details;
	}

	private ContactRequest request(long caseId, String step, Channel channel, Invoice invoice, IssuedNotice notice,
			Attachment pdf) {
		return new ContactRequest(caseId, step, channel, TEMPLATE, ContactFacts.recipient(invoice.customer()),
				ContactFacts.invoice(invoice), extra(notice, invoice.customer().address()), List.of(pdf),
				properties.contactTimeOf(caseId));
	}

	/** The template formats these itself in the customer's locale ({@code |money}, {@code |date}). */
	private Map<String, String> extra(IssuedNotice notice, PostalAddress address) {
		Map<String, Object> stored = terms.read(notice.terms());
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("total", String.valueOf(stored.get("total")));
		extra.put("deadline", notice.deadline().toString());
		if (stored.get("indemnity") != null) {
			extra.put("indemnity", String.valueOf(stored.get("indemnity")));
		}
		extra.put("postalAddress", Stream.of(address.line1(), address.line2(),
				Objects.toString(address.postcode(), "") + " " + Objects.toString(address.city(), ""))
			.filter(line -> line != null && !line.isBlank())
			.map(String::strip)
			.collect(Collectors.joining(", ")));
		return extra;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
