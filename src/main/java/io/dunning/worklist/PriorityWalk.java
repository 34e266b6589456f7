package io.dunning.worklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of the list by priority without aggregating every open task. A group's priority is the highest of its
 * matching tasks', so walking the matching tasks down the index on (state, priority_base, group_key, element_id) meets
 * each group first at its own priority, in the page's order. The walk reads the tasks a chunk at a time, and only the
 * groups it meets are aggregated (their totals, and the amount filters on them). After a cursor, a group met below it
 * whose highest task lies above it was on an earlier page, and is passed over.
 */
final class PriorityWalk {

	private static final int CHUNK = 4 * (TaskGroups.PAGE + 1);

	private final JdbcClient jdbc;
	private final TaskGroups.Filter filter;
	private final TaskGroups.Cursor cursor;

	PriorityWalk(JdbcClient jdbc, TaskGroups.Filter filter, TaskGroups.Cursor cursor) {
		this.jdbc = jdbc;
		this.filter = filter;
		this.cursor = cursor;
	}

	/** A task's place in the walk: its priority, its group and its step. */
	private record Step(long priority, String key, String elementId) {
	}

	private record Ref(String key, String elementId) {
	}

	List<TaskGroup> page(int size) {
		List<TaskGroup> page = new ArrayList<>();
		Set<Ref> met = new LinkedHashSet<>();
		Step from = cursor == null ? null : new Step(Long.parseLong(cursor.value()), cursor.key(), cursor.elementId());
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
				break;
			}
			from = steps.getLast();
		}
		return page;
	}

	/** The next chunk of matching tasks below {@code from}, highest first; ties ordered as the page orders groups. */
	private List<Step> next(Step from) {
		List<String> where = new ArrayList<>(filter.where());
		List<Object> params = new ArrayList<>(filter.params());
		if (from != null) {
			where.add("priority_base <= ? AND (priority_base < ? OR group_key < ? OR (group_key = ? AND element_id < ?))");
			params.addAll(List.of(from.priority(), from.priority(), from.key(), from.key(), from.elementId()));
		}
		return jdbc.sql("SELECT priority_base, group_key, element_id FROM task WHERE " + String.join(" AND ", where)
				+ " ORDER BY priority_base DESC, group_key DESC, element_id DESC LIMIT " + CHUNK)
			.params(params)
			.query((rs, n) -> new Step(rs.getLong("priority_base"), rs.getString("group_key"), rs.getString("element_id")))
			.list();
	}

	/**
	 * The lines of these groups, over their matching tasks. Absent: a group the amount filters leave out, and one
	 * whose highest task is not below the cursor (compared by the database, in its own collation, as the walk is).
	 */
	private Map<Ref, TaskGroup> aggregate(List<Ref> refs) {
		Map<Ref, TaskGroup> groups = new HashMap<>();
		if (refs.isEmpty()) {
			return groups;
		}
		List<String> keys = refs.stream().map(Ref::key).distinct().toList();
		List<String> where = new ArrayList<>(filter.where());
		where.add("group_key IN (" + String.join(", ", keys.stream().map(k -> "?").toList()) + ")");
		List<Object> params = new ArrayList<>(filter.params());
		params.addAll(keys);
		params.addAll(filter.havingParams());
		List<String> having = new ArrayList<>(filter.having());
		if (cursor != null) {
			having.add("(MAX(priority_base), group_key, element_id) < (?, ?, ?)");
			params.addAll(List.of(Long.parseLong(cursor.value()), cursor.key(), cursor.elementId()));
		}
		String sql = TaskGroups.aggregates("MAX(priority_base)") + " WHERE " + String.join(" AND ", where)
				+ " GROUP BY group_key, element_id" + (having.isEmpty() ? "" : " HAVING " + String.join(" AND ", having));
		jdbc.sql(sql).params(params).query(TaskGroups::group).list()
			.forEach(group -> groups.put(new Ref(group.key(), group.elementId()), group));
		groups.keySet().retainAll(Set.copyOf(refs));
		return groups;
	}

}
