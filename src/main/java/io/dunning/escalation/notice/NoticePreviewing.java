package io.dunning.escalation.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.dunning.channel.NoticeLetter;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.NoticePreview;
import io.dunning.escalation.NoticePreviews;
import io.dunning.escalation.rates.MissingRateException;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.stereotype.Service;

/** Counts each notice's terms as its issuing would, today, without rendering, storing or sending anything. */
@Service
class NoticePreviewing implements NoticePreviews {

	private final InvoiceCatalog invoices;
	private final FormalNotices notices;
	private final DunningProperties properties;
	private final Clock clock;

	NoticePreviewing(InvoiceCatalog invoices, FormalNotices notices, DunningProperties properties, Clock clock) {
		this.invoices = invoices;
		this.notices = notices;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<NoticePreview> of(Collection<String> invoiceNumbers) {
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		return invoiceNumbers.stream()
			.flatMap(number -> invoices.find(number).stream())
			.map(invoice -> preview(invoice, today))
			.toList();
	}

	private NoticePreview preview(Invoice invoice, LocalDate today) {
		boolean addressMissing = !invoice.customer().hasPostalAddress();
		String currency = invoice.balance().currency().getCurrencyCode();
		try {
			NoticeLetter letter = notices.letter(invoice, today);
			return new NoticePreview(invoice.number(), letter.principal(), letter.interest().amount(),
					letter.indemnity(), letter.total(), currency, addressMissing, null);
		}
		catch (MissingRateException e) {
			return new NoticePreview(invoice.number(), invoice.balance().amount(), null, null, null, currency,
					addressMissing, e.getMessage());
		}
	}

}
