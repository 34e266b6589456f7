package io.dunning.worklist;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list's query: open tasks grouped by customer and step ({@code group_key}: the customer, or for a task with no
 * known customer its invoice), filtered, sorted and paged by keyset on the task table alone. Visibility is part of
 * every query: a collector's page never holds another group's task.
 */
@Repository
class TaskGroups {

	static final int PAGE = 50;

	/** A customer search naming more lines than this is walked like the list, not aggregated line by line. */
	private static final int SEARCH_LINES = 500;

	private static final String TOTAL = GroupOrder.AMOUNT.groupValue;

	private final JdbcClient jdbc;

	TaskGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page, plus one more row when there is a next page. A customer search first finds the lines it names, and
	 * when they are few only those are aggregated. Otherwise, by priority and by due date, the page is found by walking
	 * the tasks along an index ({@link SortWalk}); by amount, every matching task is aggregated.
	 */
	List<TaskGroup> page(TaskListQuery query, Actor actor, LocalDate today) {
		Filter filter = filter(query, actor, today);
		Cursor cursor = query.after() == null ? null : Cursor.parse(query.after());
		GroupOrder order = GroupOrder.of(query.sort());
		if (query.customer() != null) {
			List<String> keys = searched(query.customer());
			if (keys.size() <= SEARCH_LINES) {
				return keys.isEmpty() ? List.of() : aggregated(filter.inGroups(keys), order, cursor);
			}
			filter = filter.and("(customer_name LIKE ? OR customer_id = ? OR invoice_number = ?)",
					List.of(contains(query.customer()), query.customer(), query.customer()));
		}
		if (order.walkable()) {
			return new SortWalk(jdbc, order, filter, cursor).page(PAGE + 1);
		}
		return aggregated(filter, order, cursor);
	}

	/**
	 * The lines a customer search names, up to one more than {@link #SEARCH_LINES}: customers by name (read from the
	 * customers' name index, one entry per customer), and open tasks by customer id or invoice number.
	 */
	private List<String> searched(String customer) {
		return jdbc.sql("""
				SELECT external_id FROM customer WHERE name LIKE ?
				UNION SELECT group_key FROM task WHERE group_key = ? AND state = 'OPEN'
				UNION SELECT group_key FROM task WHERE invoice_number = ? AND state = 'OPEN'
				LIMIT %d
				""".formatted(SEARCH_LINES + 1))
			.params(contains(customer), customer, customer)
			.query(String.class)
			.list();
	}

	/** Every matching task summed into its line, then sorted and cut to a page. */
	private List<TaskGroup> aggregated(Filter filter, GroupOrder order, Cursor cursor) {
		String direction = order.direction();
		return lines(jdbc, filter, order, cursor, " ORDER BY sort_value" + direction + ", group_key" + direction
				+ ", element_id" + direction + " LIMIT " + (PAGE + 1));
	}

	/**
	 * The lines of the matching tasks, each summed over its tasks, that come after the cursor in this order (compared
	 * by the database, in its own collation), followed by {@code orderAndLimit} (or nothing).
	 */
	static List<TaskGroup> lines(JdbcClient jdbc, Filter filter, GroupOrder order, Cursor cursor,
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
		return jdbc.sql(sql).params(params).query(TaskGroups::group).list();
	}

	/**
	 * Which tasks a page is made of: conditions on each task ({@code where}), and on each group's total
	 * ({@code having}), with their parameters.
	 */
	record Filter(List<String> where, List<Object> params, List<String> having, List<Object> havingParams) {

		Filter and(String condition, List<?> values) {
			List<String> moreWhere = new ArrayList<>(where);
			moreWhere.add(condition);
			List<Object> moreParams = new ArrayList<>(params);
			moreParams.addAll(values);
			return new Filter(moreWhere, moreParams, having, havingParams);
		}

		/** The tasks of these lines' customers (or invoices, for a task with no customer) only. */
		Filter inGroups(List<String> keys) {
			return and("group_key IN (" + String.join(", ", keys.stream().map(k -> "?").toList()) + ")", keys);
		}

	}

	private static Filter filter(TaskListQuery query, Actor actor, LocalDate today) {
		List<String> where = new ArrayList<>(List.of("state = 'OPEN'"));
		List<Object> params = new ArrayList<>();
		visibility(actor, where, params);
		switch (query.view()) {
			case MINE -> {
				where.add("assignee = ?");
				params.add(actor.name());
			}
			case TEAM -> inGroups(actor, where, params);
			case ALL -> {
			}
		}
		if (query.step() != null) {
			where.add("element_id = ?");
			params.add(query.step());
		}
		if (query.minDaysOverdue() != null) {
			where.add("invoice_due_date <= ?");
			params.add(Date.valueOf(today.minusDays(query.minDaysOverdue())));
		}
		if (query.dueBefore() != null) {
			where.add("invoice_due_date < ?");
			params.add(Date.valueOf(query.dueBefore()));
		}
		if (query.brokenPromise()) {
			where.add("broken_promise_on IS NOT NULL");
		}
		if (query.slaPassed()) {
			where.add("sla_passed_at IS NOT NULL");
		}
		List<String> having = new ArrayList<>();
		List<Object> havingParams = new ArrayList<>();
		if (query.minAmount() != null) {
			having.add(TOTAL + " >= ?");
			havingParams.add(query.minAmount());
		}
		if (query.maxAmount() != null) {
			having.add(TOTAL + " <= ?");
			havingParams.add(query.maxAmount());
		}
		return new Filter(where, params, having, havingParams);
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

	private static TaskGroup group(ResultSet rs, int row) throws SQLException {
		Date oldest = rs.getDate("oldest_due");
		Date broken = rs.getDate("broken");
		Timestamp sla = rs.getTimestamp("sla_passed_at");
		String key = rs.getString("group_key");
		String element = rs.getString("element_id");
		return new TaskGroup(key, rs.getString("customer_name"), element, rs.getString("form_id"), rs.getInt("n"),
				rs.getBigDecimal("total"), rs.getString("currency"), oldest == null ? null : oldest.toLocalDate(),
				broken == null ? null : broken.toLocalDate(), rs.getLong("priority_base"), rs.getString("assignee"),
				rs.getString("candidate_group"), new Cursor(rs.getString("sort_value"), key, element).toString(),
				sla == null ? null : sla.toInstant(),
				new PaymentHistory(rs.getInt("late_invoices"), rs.getInt("broken_promises")));
	}

	/** The open tasks of one group that the actor may see, oldest invoice first. */
	List<Long> idsOf(String key, String elementId, Actor actor) {
		List<String> where = new ArrayList<>(List.of("state = 'OPEN'", "group_key = ?", "element_id = ?"));
		List<Object> params = new ArrayList<>(List.of(key, elementId));
		visibility(actor, where, params);
		return jdbc.sql("SELECT id FROM task WHERE " + String.join(" AND ", where) + " ORDER BY invoice_due_date, id")
			.params(params)
			.query(Long.class)
			.list();
	}

	/** A step where the customer has open tasks the actor may see, and how many. */
	record StepCount(String elementId, int count) {
	}

	List<StepCount> openSteps(String customerId, Actor actor) {
		List<String> where = new ArrayList<>(List.of("state = 'OPEN'", "customer_id = ?"));
		List<Object> params = new ArrayList<>(List.of(customerId));
		visibility(actor, where, params);
		return jdbc.sql("SELECT element_id, COUNT(*) AS n FROM task WHERE " + String.join(" AND ", where)
				+ " GROUP BY element_id ORDER BY element_id")
			.params(params)
			.query((rs, n) -> new StepCount(rs.getString("element_id"), rs.getInt("n")))
			.list();
	}

	/** A LIKE pattern for text anywhere in the value, the text's own wildcards taken literally. */
	private static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	static void visibility(Actor actor, List<String> where, List<Object> params) {
		if (actor.seesAllTasks()) {
			return;
		}
		List<String> groups = List.copyOf(actor.groups());
		where.add("(assignee = ?" + (groups.isEmpty() ? "" : " OR candidate_group IN ("
				+ String.join(", ", groups.stream().map(g -> "?").toList()) + ")") + ")");
		params.add(actor.name());
		params.addAll(groups);
	}

	private static void inGroups(Actor actor, List<String> where, List<Object> params) {
		if (actor.groups().isEmpty()) {
			where.add("1 = 0");
			return;
		}
		where.add("candidate_group IN (" + String.join(", ", actor.groups().stream().map(g -> "?").toList()) + ")");
		params.addAll(actor.groups());
	}

	/** Where a page ended: the sort value, the group key and the step of its last line. */
	record Cursor(String value, String key, String elementId) {

		static Cursor parse(String text) {
			int first = text.indexOf('|');
			int last = text.lastIndexOf('|');
			if (first < 0 || last <= first) {
				throw new IllegalArgumentException("bad cursor");
			}
			return new Cursor(text.substring(0, first), text.substring(first + 1, last), text.substring(last + 1));
		}

		@Override
		public String toString() {
			return value + "|" + key + "|" + elementId;
		}

	}

}
