package io.dunning.invoice;

import java.time.Instant;
import java.time.LocalDate;

/** An invoice with what is still owed on it; {@code cancelledAt} is set once the ERP has cancelled it. */
public record Invoice(String number, Customer customer, Money amount, LocalDate issueDate, LocalDate dueDate,
		Money balance, Instant cancelledAt) {

	public boolean isCancelled() {
		return cancelledAt != null;
	}

	public boolean isSettled() {
		return !balance.isPositive();
	}

	/** What has come off the amount: payments, and credit notes. */
	public Money paid() {
		return amount.minus(balance);
	}

	boolean sameTermsAs(Invoice other) {
		return number.equals(other.number) && customer.externalId().equals(other.customer.externalId())
				&& amount.equals(other.amount) && issueDate.equals(other.issueDate) && dueDate.equals(other.dueDate);
	}

}
