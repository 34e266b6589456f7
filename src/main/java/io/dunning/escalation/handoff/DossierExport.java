package io.dunning.escalation.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.invoice.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.CaseStatus;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.escalation.cases.CaseCloser;
import io.dunning.escalation.cases.DunningCase;
import io.dunning.escalation.notice.FormalNotices;
import io.dunning.escalation.notice.IssuedNotice;

/**
 * Hands a case over to a lawyer or collection agency: the dossier (JSON, plus the notice's PDF exactly as it was
 * sent, with its SHA-256) goes to a directory or is POSTed to a webhook, then the case ends as HANDED_OVER. Exporting again overwrites the same
 * files or repeats the same idempotency key, so a redelivered job does no harm.
 */
@Service
public class DossierExport {

	private static final Logger log = LoggerFactory.getLogger(DossierExport.class);

	private final OwedCases owed;
	private final CaseHistory history;
	private final FormalNotices notices;
	private final CaseCloser closer;
	private final TransactionTemplate transactions;
	private final DunningProperties properties;
	private final ObjectMapper json;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	DossierExport(OwedCases owed, CaseHistory history, FormalNotices notices, CaseCloser closer,
			TransactionTemplate transactions, DunningProperties properties, ObjectMapper json) {
		this.owed = owed;
		this.history = history;
		this.notices = notices;
		this.closer = closer;
		this.transactions = transactions;
		this.properties = properties;
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
		String target = properties.handoff().target();
		String location = target.startsWith("https://") || target.startsWith("http://")
				? post(URI.create(target), invoiceNumber, dossier, notice.pdf())
				: write(Path.of(target).resolve(safe(invoiceNumber)), dossier, notice.pdf());
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

	private String write(Path directory, Map<String, Object> dossier, byte[] pdf) {
		try {
			Files.createDirectories(directory);
			replace(directory.resolve("dossier.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier));
			replace(directory.resolve("mise-en-demeure.pdf"), pdf);
			return directory.toAbsolutePath().toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the dossier to " + directory, e);
		}
	}

	private static void replace(Path file, byte[] content) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.write(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private String post(URI webhook, String invoiceNumber, Map<String, Object> dossier, byte[] pdf) {
		Map<String, Object> body = new LinkedHashMap<>(dossier);
		body.put("noticePdfBase64", Base64.getEncoder().encodeToString(pdf));
		try {
			HttpRequest request = HttpRequest.newBuilder(webhook)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", "handoff-" + invoiceNumber)
				.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("the handoff webhook answered " + response.statusCode());
			}
			return webhook.toString();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the handoff webhook is unreachable", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	private static String safe(String invoiceNumber) {
		return invoiceNumber.replaceAll("[^A-Za-z0-9._-]", "_");
	}

}
