package io.dunning.escalation;

/** A case reached its end (PAID, HANDED_OVER or CANCELLED): its open tasks are void. */
public record CaseClosed(String invoiceNumber, CaseStatus status) {
}
