package io.dunning.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dunning.invoice.InvoiceCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list's pages: open tasks grouped by customer and step ({@code group_key}: the customer, or for a task with no
 * known customer its invoice), filtered ({@link TaskFilter}), sorted and paged by keyset ({@link ListCursor}) on the
 * task table alone. Visibility is part of every query: a collector's page never holds another group's task.
 */
@Repository
class TaskGroups {

	static final int PAGE = 50;

	/** A customer search naming more lines than this is walked like the list, not aggregated line by line. */
	private static final int SEARCH_LINES = 500;

	private final JdbcClient jdbc;

	private final InvoiceCatalog invoices;

	TaskGroups(JdbcClient jdbc, InvoiceCatalog invoices) {
		this.jdbc = jdbc;
		this.invoices = invoices;
	}

	/**
	 * One page, plus one more row when there is a next page. A customer search first finds the lines it names, and
	 * when they are few only those are aggregated. Otherwise, by priority and by due date, the page is found by walking
	 * the tasks along an index ({@link SortWalk}); by amount, every matching task is aggregated.
	 */
	List<TaskGroup> page(TaskListQuery query, Actor actor, LocalDate today) {
		TaskFilter filter = TaskFilter.of(query, actor, today);
		GroupOrder order = GroupOrder.of(query.sort());
		ListCursor cursor = query.after() == null ? null : ListCursor.parse(query.after(), order);
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
	 * The lines a customer search names, up to one more than {@link #SEARCH_LINES}: the customers whose name contains
	 * the text, case and accents aside (the invoice module reads them from its index, one entry per customer), and open
	 * tasks by customer id or invoice number.
	 */
	private List<String> searched(String customer) {
		Set<String> keys = new LinkedHashSet<>(invoices.customerIdsNamedLike(customer, SEARCH_LINES + 1));
		keys.addAll(jdbc.sql("""
				SELECT group_key FROM task WHERE group_key = ? AND state = 'OPEN'
				UNION SELECT group_key FROM task WHERE invoice_number = ? AND state = 'OPEN'
				""")
			.params(customer, customer)
			.query(String.class)
			.list());
		return keys.stream().limit(SEARCH_LINES + 1).toList();
	}

	/** Every matching task summed into its line, then sorted and cut to a page. */
	private List<TaskGroup> aggregated(TaskFilter filter, GroupOrder order, ListCursor cursor) {
		String direction = order.direction();
		return TaskLines.query(jdbc, filter, order, cursor, " ORDER BY sort_value" + direction + ", group_key" + direction
				+ ", element_id" + direction + " LIMIT " + (PAGE + 1));
	}

	/** The open tasks of one group that the actor may see, oldest invoice first. */
	List<Long> idsOf(String key, String elementId, Actor actor) {
		List<String> where = new ArrayList<>(List.of("state = 'OPEN'", "group_key = ?", "element_id = ?"));
		List<Object> params = new ArrayList<>(List.of(key, elementId));
		TaskFilter.visibility(actor, where, params);
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
		TaskFilter.visibility(actor, where, params);
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

}
