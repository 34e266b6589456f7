package io.dunning.escalation.notice;

import java.time.LocalDate;

/**
 * A formal notice as it was issued and sent.
 *
 * @param terms the letter's facts as JSON (sums, rate, deadline, addressee)
 * @param pdf the letter's PDF, byte for byte as it was sent
 * @param pdfSha256 the PDF's SHA-256, in lower-case hex
 */
public record IssuedNotice(long caseId, String step, String invoiceNumber, LocalDate issuedOn, LocalDate deadline,
		String terms, byte[] pdf, String pdfSha256) {
}
