package io.dunning.invoice;

import java.time.LocalDate;

/** An invoice with what is still owed on it. */
public record Invoice(String number, Customer customer, Money amount, LocalDate issueDate, LocalDate dueDate,
		Money balance) {

	public boolean isSettled() {
		return !balance.isPositive();
	}

	boolean sameTermsAs(Invoice other) {
		return number.equals(other.number) && customer.externalId().equals(other.customer.externalId())
				&& amount.equals(other.amount) && issueDate.equals(other.issueDate) && dueDate.equals(other.dueDate);
	}

}
