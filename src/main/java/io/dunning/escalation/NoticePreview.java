package io.dunning.escalation;

import java.math.BigDecimal;

/**
 * What a mise en demeure would claim if it were issued today, for the manager who approves it: the sums, and what
 * would hold it back.
 *
 * @param interest the late-payment interest owed so far (a consumer owes none before the notice)
 * @param indemnity the flat recovery indemnity, null for a consumer
 * @param addressMissing the customer has no postal address: the notice will wait for one
 * @param rateMissing why no interest could be counted (a half-year without its rate), or null
 */
public record NoticePreview(String invoiceNumber, BigDecimal principal, BigDecimal interest, BigDecimal indemnity,
		BigDecimal total, String currency, boolean addressMissing, String rateMissing) {
}
