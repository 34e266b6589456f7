package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A page of the list: which view, the filters, the order, and where the previous page ended (a keyset cursor, never
 * an offset). Every filter is optional.
 */
record TaskListQuery(View view, String step, String customer, BigDecimal minAmount, BigDecimal maxAmount,
		Integer minDaysOverdue, LocalDate dueBefore, boolean brokenPromise, Sort sort, String after,
		boolean slaPassed) {

	enum View {
		MINE, TEAM, ALL
	}

	enum Sort {
		PRIORITY, DUE, AMOUNT
	}

}
