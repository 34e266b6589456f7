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

	private final JdbcClient jdbc;

	TaskGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page, plus one more row when there is a next page. By priority, the page is found by walking the tasks
	 * down the priority index ({@link PriorityWalk}); the other orders aggregate every matching task.
	 */
	List<TaskGroup> page(TaskListQuery query, Actor actor, LocalDate today) {
		Filter filter = filter(query, actor, today);
		Cursor cursor = query.after() == null ? null : Cursor.parse(query.after());
		if (query.sort() == TaskListQuery.Sort.PRIORITY) {
			return new PriorityWalk(jdbc, filter, cursor).page(PAGE + 1);
		}
		Order order = Order.of(query.sort());
		List<String> having = new ArrayList<>(filter.having());
		List<Object> params = new ArrayList<>(filter.params());
		params.addAll(filter.havingParams());
		if (cursor != null) {
			having.add("(" + order.value + ", group_key, element_id) " + (order.descending ? "<" : ">") + " (?, ?, ?)");
			params.add(order.bind(cursor.value()));
			params.add(cursor.key());
			params.add(cursor.elementId());
		}
		String direction = order.descending ? " DESC" : "";
		String sql = aggregates(order.value) + " WHERE " + String.join(" AND ", filter.where())
				+ " GROUP BY group_key, element_id"
				+ (having.isEmpty() ? "" : " HAVING " + String.join(" AND ", having)) + " ORDER BY sort_value"
				+ direction + ", group_key" + direction + ", element_id" + direction + " LIMIT " + (PAGE + 1);
		return jdbc.sql(sql).params(params).query(TaskGroups::group).list();
	}

	/**
	 * Which tasks a page is made of: conditions on each task ({@code where}), and on each group's total
	 * ({@code having}), with their parameters.
	 */
	record Filter(List<String> where, List<Object> params, List<String> having, List<Object> havingParams) {
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
		if (query.customer() != null) {
			where.add("(customer_name LIKE ? OR customer_id = ? OR invoice_number = ?)");
			params.add("%" + query.customer().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.add(query.customer());
			params.add(query.customer());
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
			having.add("COALESCE(SUM(amount), 0) >= ?");
			havingParams.add(query.minAmount());
		}
		if (query.maxAmount() != null) {
			having.add("COALESCE(SUM(amount), 0) <= ?");
			havingParams.add(query.maxAmount());
		}
		return new Filter(where, params, having, havingParams);
	}

	/** A group's line: its facts summed over its matching tasks, and the value it is sorted on. */
	static String aggregates(String sortValue) {
		return "SELECT group_key, MAX(customer_name) AS customer_name, element_id, "
				+ "MAX(form_id) AS form_id, COUNT(*) AS n, SUM(amount) AS total, MAX(currency) AS currency, "
				+ "MIN(invoice_due_date) AS oldest_due, MAX(broken_promise_on) AS broken, "
				+ "MAX(priority_base) AS priority_base, MAX(assignee) AS assignee, "
				+ "MAX(candidate_group) AS candidate_group, MAX(sla_passed_at) AS sla_passed_at, "
				+ "MAX(late_invoices) AS late_invoices, MAX(broken_promises) AS broken_promises, " + sortValue
				+ " AS sort_value FROM task";
	}

	static TaskGroup group(ResultSet rs, int row) throws SQLException {
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

	private enum Order {
		PRIORITY("MAX(priority_base)", true), DUE("COALESCE(MIN(invoice_due_date), DATE '2999-12-31')", false),
		AMOUNT("COALESCE(SUM(amount), 0)", true);

		final String value;
		final boolean descending;

		Order(String value, boolean descending) {
			this.value = value;
			this.descending = descending;
		}

		static Order of(TaskListQuery.Sort sort) {
			return valueOf(sort.name());
		}

		Object bind(String value) {
			return switch (this) {
				case PRIORITY -> Long.parseLong(value);
				case DUE -> Date.valueOf(LocalDate.parse(value));
				case AMOUNT -> new java.math.BigDecimal(value);
			};
		}
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
