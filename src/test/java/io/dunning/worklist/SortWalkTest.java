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
import io.dunning.invoice.SearchKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list by priority and by oldest due date, found by walking an index, and a customer search, found by the lines it
 * names, page through every group once, in the order the groups' own values give, with filters on each task and on
 * each group's total; many tasks share a value so that ties cross chunk and page boundaries, and some tasks have no
 * due date.
 */
class SortWalkTest extends IntegrationTest {

	private static final List<String> STEPS = List.of("Task_A", "Task_B", "Task_C");

	@Autowired
	TaskGroups groups;

	@Autowired
	JdbcClient jdbc;

	private final String run = "SW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	/** Every task of the run is assigned to this manager, so that "my tasks" holds this run's and no other test's. */
	private final Actor manager = new Actor(run, Set.of("managers", "collectors"), true);
	private final List<Row> rows = new ArrayList<>();

	private record Row(String key, String step, long priority, BigDecimal amount, boolean broken, LocalDate due) {
	}

	@BeforeEach
	void fill() {
		for (int c = 0; c < 90; c++) {
			String key = run + "-C" + String.format("%03d", c);
			jdbc.sql("""
					INSERT INTO customer (external_id, name, search_name, type, language, created_at)
					VALUES (?, ?, ?, 'B2B', 'fr', CURRENT_TIMESTAMP)
					""")
				.params(key, "Walk " + key, SearchKey.of("Walk " + key))
				.update();
		}
		Random random = new Random(7);
		for (int i = 0; i < 450; i++) {
			Row row = new Row(run + "-C" + String.format("%03d", random.nextInt(90)), STEPS.get(random.nextInt(3)),
					random.nextInt(12), BigDecimal.valueOf(10 + random.nextInt(990)), random.nextInt(4) == 0,
					random.nextInt(10) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(15)));
			rows.add(row);
			String invoice = run + "-" + i;
			jdbc.sql("""
					INSERT INTO task (invoice_number, element_id, form_id, candidate_group, assignee, state, open_key,
					                  job_key,
					                  process_instance_key, created_at, customer_id, customer_name, amount, currency,
					                  broken_promise_on, priority_base, group_key, invoice_due_date)
					VALUES (?, ?, 'form', 'collectors', ?, 'OPEN', ?, 0, 0, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)
					""")
				.params(invoice, row.step(), run, invoice + " " + row.step(), java.sql.Timestamp.from(Instant.now()),
						row.key(), "Walk " + row.key(), row.amount(),
						row.broken() ? java.sql.Date.valueOf(LocalDate.of(2026, 1, 1)) : null, row.priority(), row.key(),
						row.due() == null ? null : java.sql.Date.valueOf(row.due()))
				.update();
		}
	}

	@AfterEach
	void empty() {
		jdbc.sql("DELETE FROM task WHERE group_key LIKE ?").param(run + "%").update();
		jdbc.sql("DELETE FROM customer WHERE external_id LIKE ?").param(run + "%").update();
	}

	@Test
	void everyGroupOnceInPriorityOrderAcrossPages() {
		assertThat(pages(query(null, null, false, TaskListQuery.Sort.PRIORITY)))
			.isEqualTo(expected(r -> true, null, TaskListQuery.Sort.PRIORITY));
	}

	@Test
	void filtersOnTasksAndOnGroupTotalsApplyBeforeTheOrder() {
		for (TaskListQuery.Sort sort : TaskListQuery.Sort.values()) {
			assertThat(pages(query("Task_B", null, false, sort))).as(sort.name())
				.isEqualTo(expected(r -> r.step().equals("Task_B"), null, sort));
			assertThat(pages(query(null, null, true, sort))).as(sort.name()).isEqualTo(expected(Row::broken, null, sort));
			assertThat(pages(query(null, new BigDecimal("1500"), false, sort))).as(sort.name())
				.isEqualTo(expected(r -> true, new BigDecimal("1500"), sort));
		}
	}

	@Test
	void byOldestDueDateUndatedLinesComeLastAcrossPages() {
		List<String> lines = pages(query(null, null, false, TaskListQuery.Sort.DUE));

		assertThat(lines).isEqualTo(expected(r -> true, null, TaskListQuery.Sort.DUE));
		assertThat(lines).hasSizeGreaterThan(2 * TaskGroups.PAGE);
	}

	@Test
	void aCustomerSearchFindsItsLinesByNameByIdAndByInvoiceNumber() {
		String customer = rows.getFirst().key();
		List<String> byName = pages(new TaskListQuery(TaskListQuery.View.ALL, null, "Walk " + customer, null, null,
				null, null, false, TaskListQuery.Sort.PRIORITY, null, false));
		List<String> byId = pages(new TaskListQuery(TaskListQuery.View.ALL, null, customer, null, null, null, null,
				false, TaskListQuery.Sort.DUE, null, false));
		List<String> byInvoice = pages(new TaskListQuery(TaskListQuery.View.ALL, null, run + "-0", null, null, null,
				null, false, TaskListQuery.Sort.AMOUNT, null, false));
		List<String> nobody = pages(new TaskListQuery(TaskListQuery.View.ALL, null, run + "-nobody", null, null, null,
				null, false, TaskListQuery.Sort.PRIORITY, null, false));

		assertThat(byName).isEqualTo(expected(r -> r.key().equals(customer), null, TaskListQuery.Sort.PRIORITY));
		assertThat(byId).isEqualTo(expected(r -> r.key().equals(customer), null, TaskListQuery.Sort.DUE));
		// An invoice number finds its customer's lines, as the customer's name does: a call is about all of them.
		String firstKey = rows.getFirst().key();
		assertThat(byInvoice).containsExactlyElementsOf(expected(r -> r.key().equals(firstKey), null,
				TaskListQuery.Sort.AMOUNT));
		assertThat(nobody).isEmpty();
	}

	private TaskListQuery query(String step, BigDecimal minAmount, boolean broken, TaskListQuery.Sort sort) {
		return new TaskListQuery(TaskListQuery.View.MINE, step, null, minAmount, null, null, null, broken, sort, null,
				false);
	}

	/** Every line of every page, as "key step count total", following the next-page cursor. */
	private List<String> pages(TaskListQuery first) {
		List<String> lines = new ArrayList<>();
		TaskListQuery query = first;
		while (true) {
			List<TaskGroup> page = groups.page(query, manager, LocalDate.now());
			page.stream().limit(TaskGroups.PAGE)
				.forEach(g -> lines.add(g.key() + " " + g.elementId() + " " + g.count() + " " + g.total().intValue()));
			if (page.size() <= TaskGroups.PAGE) {
				return lines;
			}
			query = new TaskListQuery(first.view(), first.step(), first.customer(), first.minAmount(), null, null,
					null, first.brokenPromise(), first.sort(), page.get(TaskGroups.PAGE - 1).cursor(), false);
		}
	}

	private List<String> expected(Predicate<Row> filter, BigDecimal minAmount, TaskListQuery.Sort sort) {
		Map<String, List<Row>> byGroup = rows.stream().filter(filter)
			.collect(Collectors.groupingBy(r -> r.key() + " " + r.step(), LinkedHashMap::new, Collectors.toList()));
		Comparator<Map.Entry<String, List<Row>>> byKey = Map.Entry.comparingByKey();
		Comparator<Map.Entry<String, List<Row>>> order = switch (sort) {
			case PRIORITY -> Comparator.<Map.Entry<String, List<Row>>>comparingLong(e -> max(e.getValue()))
				.thenComparing(byKey)
				.reversed();
			case AMOUNT -> Comparator.<Map.Entry<String, List<Row>>, BigDecimal>comparing(e -> total(e.getValue()))
				.thenComparing(byKey)
				.reversed();
			case DUE -> Comparator.<Map.Entry<String, List<Row>>, LocalDate>comparing(e -> oldest(e.getValue()))
				.thenComparing(byKey);
		};
		return byGroup.entrySet().stream()
			.filter(e -> minAmount == null || total(e.getValue()).compareTo(minAmount) >= 0)
			.sorted(order)
			.map(e -> e.getKey() + " " + e.getValue().size() + " " + total(e.getValue()).intValue())
			.toList();
	}

	private static LocalDate oldest(List<Row> rows) {
		return rows.stream().map(Row::due).filter(d -> d != null).min(Comparator.naturalOrder())
			.orElse(LocalDate.parse(GroupOrder.UNDATED));
	}

	private static BigDecimal total(List<Row> rows) {
		return rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static long max(List<Row> rows) {
		return rows.stream().mapToLong(Row::priority).max().orElseThrow();
	}

}
