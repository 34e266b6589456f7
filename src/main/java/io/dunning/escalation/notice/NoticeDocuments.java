package io.dunning.escalation.notice;

import io.dunning.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The mise en demeure's PDF, byte for byte as it was issued, with its SHA-256: for the managers who approve the
 * handoff it leads to, the collectors who discuss it with the customer (pages), and the auditors (API). Before, only
 * the handoff's dossier held it.
 */
@Controller
class NoticeDocuments {

	private final IssuedNotices notices;

	NoticeDocuments(IssuedNotices notices) {
		this.notices = notices;
	}

	@GetMapping({ "/invoices/{number}/notice.pdf", "/api/invoices/{number}/notice.pdf" })
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		IssuedNotice notice = notices.latestOf(number)
			.orElseThrow(() -> new NotFoundException("No notice was issued for invoice " + number + ".",
					"not-found.notice", number));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("mise-en-demeure-" + number + ".pdf").build().toString())
			.header("X-Content-SHA256", notice.pdfSha256())
			.body(notice.pdf());
	}

}
