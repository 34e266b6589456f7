package io.dunning.invoice;

/** What an intake changed: invoices created, invoices already known with the same terms, customers updated. */
public record IntakeResult(int created, int unchanged, int customersUpdated) {
}
