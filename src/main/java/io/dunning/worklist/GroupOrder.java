package io.dunning.worklist;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * How the list orders its lines: the value a line takes from its tasks, the direction, how a cursor's value reads
 * back, and the task column it can be walked along ({@link SortWalk}) when a line takes its value from one task.
 */
enum GroupOrder {

	PRIORITY("priority_base", "MAX(priority_base)", true, Long::parseLong),
	// A line whose tasks have no due date sorts last: the walk reaches them after every dated task.
	DUE("invoice_due_date", "COALESCE(MIN(invoice_due_date), DATE '" + GroupOrder.UNDATED + "')", false,
			value -> Date.valueOf(LocalDate.parse(value))),
	// A line's total depends on all of its tasks: no walk finds it, every matching task is summed.
	AMOUNT(null, "COALESCE(SUM(amount), 0)", true, BigDecimal::new);

	static final String UNDATED = "2999-12-31";

	final String column;
	final String groupValue;
	final boolean descending;
	private final Function<String, Object> parse;

	GroupOrder(String column, String groupValue, boolean descending, Function<String, Object> parse) {
		this.column = column;
		this.groupValue = groupValue;
		this.descending = descending;
		this.parse = parse;
	}

	static GroupOrder of(TaskListQuery.Sort sort) {
		return valueOf(sort.name());
	}

	boolean walkable() {
		return column != null;
	}

	/** The comparison that keeps what comes after a value in this order. */
	String after() {
		return descending ? "<" : ">";
	}

	String direction() {
		return descending ? " DESC" : "";
	}

	Object parse(String cursorValue) {
		return parse.apply(cursorValue);
	}

}
