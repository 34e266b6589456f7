package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.dunning.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list by priority, found by walking the priority index, pages through every group once, in the order the
 * groups' own highest priorities give, with filters on each task and on each group's total; many tasks share a
 * priority so that ties cross chunk and page boundaries.
 */
class PriorityWalkTest extends IntegrationTest {

	private static final List<String> STEPS = List.of("Task_A", "Task_B", "Task_C");

	@Autowired
	TaskGroups groups;

	@Autowired
	JdbcClient jdbc;

	private final String run = "PW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	private final Actor manager = new Actor("manager", Set.of("managers", "collectors"), true);
	private final List<Row> rows = new ArrayList<>();

	private record Row(String key, String step, long priority, BigDecimal amount, boolean broken) {
	}

	@BeforeEach
	void fill() {
		Random random = new Random(7);
		for (int i = 0; i < 450; i++) {
			Row row = new Row(run + "-C" + String.format("%03d", random.nextInt(90)), STEPS.get(random.nextInt(3)),
					random.nextInt(12), BigDecimal.valueOf(10 + random.nextInt(990)), random.nextInt(4) == 0);
			rows.add(row);
			String invoice = run + "-" + i;
			jdbc.sql("""
					INSERT INTO task (invoice_number, element_id, form_id, candidate_group, state, open_key, job_key,
					                  process_instance_key, created_at, customer_id, customer_name, amount, currency,
					                  broken_promise_on, priority_base, group_key)
					VALUES (?, ?, 'form', 'collectors', 'OPEN', ?, 0, 0, ?, ?, ?, ?, 'EUR', ?, ?, ?)
					""")
				.params(invoice, row.step(), invoice + " " + row.step(), java.sql.Timestamp.from(Instant.now()),
						row.key(), "Walk " + row.key(), row.amount(),
						row.broken() ? java.sql.Date.valueOf(LocalDate.of(2026, 1, 1)) : null, row.priority(), row.key())
				.update();
		}
	}

	@AfterEach
	void empty() {
		jdbc.sql("DELETE FROM task WHERE group_key LIKE ?").param(run + "%").update();
	}

	@Test
	void everyGroupOnceInPriorityOrderAcrossPages() {
		assertThat(pages(query(null, null, false))).isEqualTo(expected(r -> true, null));
	}

	@Test
	void filtersOnTasksAndOnGroupTotalsApplyBeforeTheOrder() {
		assertThat(pages(query("Task_B", null, false))).isEqualTo(expected(r -> r.step().equals("Task_B"), null));
		assertThat(pages(query(null, null, true))).isEqualTo(expected(Row::broken, null));
		assertThat(pages(query(null, new BigDecimal("1500"), false)))
			.isEqualTo(expected(r -> true, new BigDecimal("1500")));
	}

	private TaskListQuery query(String step, BigDecimal minAmount, boolean broken) {
		return new TaskListQuery(TaskListQuery.View.ALL, step, run, minAmount, null, null, null, broken,
				TaskListQuery.Sort.PRIORITY, null, false);
	}

	/** Every line of every page, as "key step count total", following the next-page cursor. */
	private List<String> pages(TaskListQuery first) {
		List<String> lines = new ArrayList<>();
		TaskListQuery query = first;
		while (true) {
			List<TaskGroup> page = groups.page(query, manager, LocalDate.now());
			page.stream().limit(TaskGroups.PAGE)
				.forEach(g -> lines.add(g.key() + " " + g.elementId() + " " + g.count() + " " + g.total().intValue()
						+ " " + g.priorityBase()));
			if (page.size() <= TaskGroups.PAGE) {
				return lines;
			}
			query = new TaskListQuery(first.view(), first.step(), first.customer(), first.minAmount(), null, null,
					null, first.brokenPromise(), first.sort(), page.get(TaskGroups.PAGE - 1).cursor(), false);
		}
	}

	private List<String> expected(Predicate<Row> filter, BigDecimal minAmount) {
		Map<String, List<Row>> byGroup = rows.stream().filter(filter)
			.collect(Collectors.groupingBy(r -> r.key() + " " + r.step(), LinkedHashMap::new, Collectors.toList()));
		return byGroup.entrySet().stream()
			.filter(e -> minAmount == null || total(e.getValue()).compareTo(minAmount) >= 0)
			.sorted(Comparator.<Map.Entry<String, List<Row>>>comparingLong(e -> max(e.getValue())).reversed()
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map(e -> e.getKey() + " " + e.getValue().size() + " " + total(e.getValue()).intValue() + " "
					+ max(e.getValue()))
			.toList();
	}

	private static BigDecimal total(List<Row> rows) {
		return rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static long max(List<Row> rows) {
		return rows.stream().mapToLong(Row::priority).max().orElseThrow();
	}

}
