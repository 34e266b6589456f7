package io.dunning.worklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of the list without aggregating every open task, for the orders a group takes from one of its tasks: by
 * priority (a group's is the highest of its matching tasks') and by oldest due date (its earliest). Walking the
 * matching tasks along the index on (state, column, group_key, element_id) meets each group first at its own value,
 * in the page's order. The walk reads the tasks a chunk at a time, and only the groups it meets are aggregated (their
 * totals, and the amount filters on them). After a cursor, a group met past it whose own value lies before it was on
 * an earlier page, and is passed over.
 */
final class SortWalk {

	private static final int CHUNK = 4 * (TaskGroups.PAGE + 1);

	private final JdbcClient jdbc;
	private final GroupOrder order;
	private final TaskFilter filter;
	private final ListCursor cursor;

	SortWalk(JdbcClient jdbc, GroupOrder order, TaskFilter filter, ListCursor cursor) {
		this.jdbc = jdbc;
		this.order = order;
		this.filter = filter;
		this.cursor = cursor;
	}

	/** A task's place in the walk: its value in the column (null for an undated task), its group and its step. */
	private record Step(Object value, String key, String elementId) {
	}

	private record Ref(String key, String elementId) {
	}

	List<TaskGroup> page(int size) {
		List<TaskGroup> page = new ArrayList<>();
		Set<Ref> met = new LinkedHashSet<>();
		Step from = cursor == null ? null : start(cursor);
		while (page.size() < size) {
			List<Step> steps = next(from);
			List<Ref> fresh = new ArrayList<>();
			for (Step step : steps) {
				Ref ref = new Ref(step.key(), step.elementId());
				if (met.add(ref)) {
					fresh.add(ref);
				}
			}
			Map<Ref, TaskGroup> groups = aggregate(fresh);
			for (Ref ref : fresh) {
				TaskGroup group = groups.get(ref);
				if (group != null && page.size() < size) {
					page.add(group);
				}
			}
			if (steps.size() < CHUNK) {
				boolean undatedRead = from != null && from.value() == null;
				if (order != GroupOrder.DUE || undatedRead) {
					break;
				}
				// The dated tasks are all read: the undated ones follow, by group.
				from = new Step(null, null, null);
				continue;
			}
			from = steps.getLast();
		}
		return page;
	}

	private Step start(ListCursor at) {
		boolean undated = order == GroupOrder.DUE && at.value().equals(GroupOrder.UNDATED);
		return new Step(undated ? null : order.parse(at.value()), at.key(), at.elementId());
	}

	/** The next chunk of matching tasks past {@code from}, in the page's order; ties ordered as the page orders groups. */
	private List<Step> next(Step from) {
		List<String> where = new ArrayList<>(filter.where());
		List<Object> params = new ArrayList<>(filter.params());
		String c = order.column;
		String after = order.after();
		if (from != null && from.value() == null) {
			where.add(c + " IS NULL");
			if (from.key() != null) {
				where.add("(group_key > ? OR (group_key = ? AND element_id > ?))");
				params.addAll(List.of(from.key(), from.key(), from.elementId()));
			}
		}
		else {
			// An index range on the column first, then the exact place within the ties.
			where.add(c + (from == null ? " IS NOT NULL" : " " + after + "= ? AND (" + c + " " + after
					+ " ? OR group_key " + after + " ? OR (group_key = ? AND element_id " + after + " ?))"));
			if (from != null) {
				params.addAll(List.of(from.value(), from.value(), from.key(), from.key(), from.elementId()));
			}
		}
		String direction = order.direction();
		return jdbc.sql("SELECT " + c + ", group_key, element_id FROM task WHERE " + String.join(" AND ", where)
				+ " ORDER BY " + c + direction + ", group_key" + direction + ", element_id" + direction + " LIMIT " + CHUNK)
			.params(params)
			.query((rs, n) -> new Step(rs.getObject(1), rs.getString("group_key"), rs.getString("element_id")))
			.list();
	}

	/**
	 * The lines of these groups, over their matching tasks. Absent: a group the amount filters leave out, and one
	 * whose own value is not past the cursor.
	 */
	private Map<Ref, TaskGroup> aggregate(List<Ref> refs) {
		Map<Ref, TaskGroup> groups = new HashMap<>();
		if (refs.isEmpty()) {
			return groups;
		}
		TaskFilter theirs = filter.inGroups(refs.stream().map(Ref::key).distinct().toList());
		TaskLines.query(jdbc, theirs, order, cursor, "")
			.forEach(group -> groups.put(new Ref(group.key(), group.elementId()), group));
		groups.keySet().retainAll(Set.copyOf(refs));
		return groups;
	}

}
