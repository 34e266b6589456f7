package io.dunning.escalation.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.channel.Attachment;
import io.dunning.channel.Channel;
import io.dunning.channel.ContactRequest;
import io.dunning.channel.Delivery;
import io.dunning.channel.LetterRenderer;
import io.dunning.channel.Messenger;
import io.dunning.channel.NoticeLetter;
import io.dunning.invoice.Invoice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.escalation.steps.ContactFacts;

/** Issues the mise en demeure: a PDF letter sent by email and recorded for registered mail. */
@Service
public class FormalNotices {

	static final String TEMPLATE = "formal-notice";

	private final OwedCases owed;
	private final LetterRenderer letters;
	private final Messenger messenger;
	private final CaseHistory history;
	private final TransactionTemplate transactions;
	private final DunningProperties properties;
	private final Clock clock;

	FormalNotices(OwedCases owed, LetterRenderer letters, Messenger messenger,
			CaseHistory history, TransactionTemplate transactions, DunningProperties properties, Clock clock) {
		this.owed = owed;
		this.letters = letters;
		this.messenger = messenger;
		this.history = history;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return when the notice went out (the first time, for a repeated step), or empty if the case is over */
	Optional<Instant> issue(String invoiceNumber, String step) {
		Optional<OwedCases.OwedCase> current = owed.find(invoiceNumber);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Invoice invoice = current.get().invoice();
		NoticeLetter letter = letter(invoice, LocalDate.now(clock.withZone(properties.zone())));
		Attachment pdf = new Attachment("mise-en-demeure-" + invoice.number() + ".pdf", "application/pdf",
				letters.render(letter));
		Map<String, String> extra = extra(letter);
		long caseId = current.get().caseId();
		Delivery email = messenger.send(request(caseId, step, Channel.EMAIL, invoice, extra, pdf));
		Delivery post = messenger.send(request(caseId, step, Channel.LETTER, invoice, extra, pdf));
		if (!email.repeated() || !post.repeated()) {
			transactions.executeWithoutResult(tx -> history.append(invoiceNumber, HistoryType.NOTICE_ISSUED, step,
					"system", Map.of("principal", letter.principal().toPlainString(), "interest",
							letter.interest().toPlainString(), "indemnity",
							letter.indemnity() == null ? "0" : letter.indemnity().toPlainString(), "total",
							letter.total().toPlainString(), "deadline", letter.deadline().toString())));
		}
		Instant sent = post.sentAt() != null ? post.sentAt() : email.sentAt();
		return Optional.ofNullable(sent);
	}

	public NoticeLetter letter(Invoice invoice, LocalDate issuedOn) {
		return NoticeTerms.of(invoice, issuedOn, properties.notice());
	}

	private static ContactRequest request(long caseId, String step, Channel channel, Invoice invoice,
			Map<String, String> extra, Attachment pdf) {
		return new ContactRequest(caseId, step, channel, TEMPLATE, ContactFacts.recipient(invoice.customer()),
				ContactFacts.invoice(invoice), extra, List.of(pdf));
	}

	/** The template formats these itself in the customer's locale ({@code |money}, {@code |date}). */
	private static Map<String, String> extra(NoticeLetter letter) {
		return Map.of("total", letter.total().toPlainString(), "deadline", letter.deadline().toString());
	}

}
