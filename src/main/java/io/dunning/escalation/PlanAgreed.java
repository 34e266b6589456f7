package io.dunning.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A payment plan was agreed for an invoice: its balance then, and the instalments it was split into. */
public record PlanAgreed(String invoiceNumber, BigDecimal startingBalance, List<Due> instalments) {

	/** One instalment; {@code cumulative} is what must have been paid since the plan began once it is due. */
	public record Due(int number, LocalDate dueDate, BigDecimal amount, BigDecimal cumulative) {
	}

}
