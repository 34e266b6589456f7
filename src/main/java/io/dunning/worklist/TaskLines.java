package io.dunning.worklist;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The list's grouped query: each customer's tasks at one step summed into one line, with the value it sorts on. */
final class TaskLines {

	private TaskLines() {
	}

	/**
	 * The lines of the matching tasks, each summed over its tasks, that come after the cursor in this order (compared
	 * by the database, in its own collation), followed by {@code orderAndLimit} (or nothing).
	 */
	static List<TaskGroup> query(JdbcClient jdbc, TaskFilter filter, GroupOrder order, ListCursor cursor,
			String orderAndLimit) {
		List<String> having = new ArrayList<>(filter.having());
		List<Object> params = new ArrayList<>(filter.params());
		params.addAll(filter.havingParams());
		if (cursor != null) {
			having.add("(" + order.groupValue + ", group_key, element_id) " + order.after() + " (?, ?, ?)");
			params.addAll(List.of(order.parse(cursor.value()), cursor.key(), cursor.elementId()));
		}
		String sql = aggregates(order.groupValue) + " WHERE " + String.join(" AND ", filter.where())
				+ " GROUP BY group_key, element_id"
				+ (having.isEmpty() ? "" : " HAVING " + String.join(" AND ", having)) + orderAndLimit;
		return jdbc.sql(sql).params(params).query(TaskLines::line).list();
	}

	/** A group's line: its facts summed over its matching tasks, and the value it is sorted on. */
	private static String aggregates(String sortValue) {
		return "SELECT group_key, MAX(customer_name) AS customer_name, element_id, "
				+ "MAX(form_id) AS form_id, COUNT(*) AS n, SUM(amount) AS total, MAX(currency) AS currency, "
				+ "MIN(invoice_due_date) AS oldest_due, MAX(broken_promise_on) AS broken, "
				+ "MAX(priority_base) AS priority_base, MAX(assignee) AS assignee, "
				+ "MAX(candidate_group) AS candidate_group, MAX(sla_passed_at) AS sla_passed_at, "
				+ "MAX(late_invoices) AS late_invoices, MAX(broken_promises) AS broken_promises, " + sortValue
				+ " AS sort_value FROM task";
	}

	private static TaskGroup line(ResultSet rs, int row) throws SQLException {
		Date oldest = rs.getDate("oldest_due");
		Date broken = rs.getDate("broken");
		Timestamp sla = rs.getTimestamp("sla_passed_at");
		String key = rs.getString("group_key");
		String element = rs.getString("element_id");
		return new TaskGroup(key, rs.getString("customer_name"), element, rs.getString("form_id"), rs.getInt("n"),
				rs.getBigDecimal("total"), rs.getString("currency"), oldest == null ? null : oldest.toLocalDate(),
				broken == null ? null : broken.toLocalDate(), rs.getLong("priority_base"), rs.getString("assignee"),
				rs.getString("candidate_group"), new ListCursor(rs.getString("sort_value"), key, element).toString(),
				sla == null ? null : sla.toInstant(),
				new PaymentHistory(rs.getInt("late_invoices"), rs.getInt("broken_promises")));
	}

}
