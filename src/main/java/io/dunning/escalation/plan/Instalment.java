package io.dunning.escalation.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One monthly instalment of a payment plan.
 *
 * @param cumulative what the customer must have paid since the plan began once this instalment is due
 */
public record Instalment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal cumulative) {
}
