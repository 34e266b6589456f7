package io.dunning.worklist;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tasks a page is made of: conditions on each task ({@code where}), and on each group's total
 * ({@code having}), with their parameters.
 */
record TaskFilter(List<String> where, List<Object> params, List<String> having, List<Object> havingParams) {

	TaskFilter and(String condition, List<?> values) {
		List<String> moreWhere = new ArrayList<>(where);
		moreWhere.add(condition);
		List<Object> moreParams = new ArrayList<>(params);
		moreParams.addAll(values);
		return new TaskFilter(moreWhere, moreParams, having, havingParams);
	}

	/** The tasks of these lines' customers (or invoices, for a task with no customer) only. */
	TaskFilter inGroups(List<String> keys) {
		return and("group_key IN (" + String.join(", ", keys.stream().map(k -> "?").toList()) + ")", keys);
	}

	/** The tasks a list query asks for, among those the actor may see. */
	static TaskFilter of(TaskListQuery query, Actor actor, LocalDate today) {
		List<String> where = new ArrayList<>(List.of("state = 'OPEN'"));
		List<Object> params = new ArrayList<>();
		visibility(actor, where, params);
		switch (query.view()) {
			case MINE -> {
				where.add("assignee = ?");
				params.add(actor.name());
			}
			case TEAM -> team(actor, where, params);
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
			having.add(GroupOrder.AMOUNT.groupValue + " >= ?");
			havingParams.add(query.minAmount());
		}
		if (query.maxAmount() != null) {
			having.add(GroupOrder.AMOUNT.groupValue + " <= ?");
			havingParams.add(query.maxAmount());
		}
		return new TaskFilter(where, params, having, havingParams);
	}

	/** Only the tasks the actor may see: assigned to them, or offered to one of their groups. */
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

	private static void team(Actor actor, List<String> where, List<Object> params) {
		if (actor.groups().isEmpty()) {
			where.add("1 = 0");
			return;
		}
		where.add("candidate_group IN (" + String.join(", ", actor.groups().stream().map(g -> "?").toList()) + ")");
		params.addAll(actor.groups());
	}

}
