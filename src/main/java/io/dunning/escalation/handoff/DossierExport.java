package io.dunning.escalation.handoff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseStatus;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.CaseCloser;
import io.dunning.escalation.cases.DunningCase;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.escalation.notice.FormalNotices;
import io.dunning.escalation.notice.IssuedNotice;
import io.dunning.invoice.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a case over to a lawyer or collection agency: the dossier (the invoice, the case, its history, and the
 * notice's PDF exactly as it was sent, with its SHA-256) goes to its {@link DossierTarget}, then the case ends as
 * HANDED_OVER, if the debt is still owed by then.
 */
@Service
public class DossierExport {

	private static final Logger log = LoggerFactory.getLogger(DossierExport.class);

	private final OwedCases owed;
	private final CaseHistory history;
	private final FormalNotices notices;
	private final CaseCloser closer;
	private final TransactionTemplate transactions;
	private final DossierTarget target;
	private final ObjectMapper json;

	DossierExport(OwedCases owed, CaseHistory history, FormalNotices notices, CaseCloser closer,
			TransactionTemplate transactions, DunningProperties properties, ObjectMapper json) {
		this.owed = owed;
		this.history = history;
		this.notices = notices;
		this.closer = closer;
		this.transactions = transactions;
		this.target = DossierTarget.of(properties.handoff().target(), json);
		this.json = json;
	}

	public void handOver(String invoiceNumber, String step) {
		Optional<OwedCases.OwedCase> current = owed.find(invoiceNumber);
		if (current.isEmpty()) {
			return;
		}
		Invoice invoice = current.get().invoice();
		DunningCase open = current.get().dunningCase();
		IssuedNotice notice = notices.issuedFor(open.id().value())
			.orElseThrow(() -> new IllegalStateException("invoice " + invoiceNumber + " has no issued notice to hand over"));
		Map<String, Object> dossier = new LinkedHashMap<>();
		dossier.put("invoice", invoice);
		dossier.put("case", Map.of("id", open.id().value(), "openedAt", open.openedAt().toString()));
		dossier.put("notice", notice(notice));
		dossier.put("history", history.of(invoiceNumber));
		String location = target.deliver(invoiceNumber, dossier, notice.pdf());
		Map<String, Object> details = Map.of("target", location, "noticePdfSha256", notice.pdfSha256());
		// A payment or a cancellation may have come in while the dossier was on its way: only a debt still owed is
		// handed over. Otherwise the history says the dossier went out after all, so that someone recalls it.
		boolean handedOver = Boolean.TRUE.equals(transactions.execute(tx -> {
			if (owed.find(invoiceNumber).isEmpty()) {
				history.append(invoiceNumber, HistoryType.DOSSIER_SENT_AFTER_SETTLEMENT, step, "system", details);
				return false;
			}
			history.append(invoiceNumber, HistoryType.DOSSIER_EXPORTED, step, "system", details);
			closer.close(invoiceNumber, CaseStatus.HANDED_OVER, "system", Map.of("target", location));
			return true;
		}));
		if (handedOver) {
			log.info("Invoice {} handed over: dossier at {}", invoiceNumber, location);
		}
		else {
			log.warn("Invoice {} was settled or cancelled while its dossier went to {}: recall it", invoiceNumber,
					location);
		}
	}

	private Map<String, Object> notice(IssuedNotice notice) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("issuedOn", notice.issuedOn().toString());
		summary.put("deadline", notice.deadline().toString());
		summary.put("pdfSha256", notice.pdfSha256());
		try {
			summary.put("terms", json.readTree(notice.terms()));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable notice terms", e);
		}
		return summary;
	}

}
