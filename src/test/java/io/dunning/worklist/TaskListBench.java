package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.dunning.BenchMachine;
import io.dunning.invoice.SearchKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12's list benchmark: 100 000 open tasks over 20 000 customers, then the list's query and the whole page
 * (security, query, Thymeleaf) for a page of 50, per query shape, p50 and p95. Not a timed test: run it with
 * {@code ./mvnw -Pbench verify -Dtest=TaskListBench}; it writes {@code src/docs/bench/task-list-100000.md}.
 * Its database is its own ({@code dunning_bench_tasks}, or DUNNING_BENCH_TASKS_DB_URL), emptied of tasks first.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskListBench {

	private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
	private static final int CUSTOMERS = Integer.getInteger("bench.customers", 20_000);
	private static final int QUERY_RUNS = Integer.getInteger("bench.query-runs", 200);
	private static final int PAGE_RUNS = Integer.getInteger("bench.page-runs", 100);
	private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 30);
	private static final String DB_URL = System.getenv().getOrDefault("DUNNING_BENCH_TASKS_DB_URL",
			"jdbc:mysql://127.0.0.1:3306/dunning_bench_tasks");
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final List<String> STEPS = List.of("Task_CourtesyCall", "Task_CourtesyCall", "Task_CourtesyCall",
			"Task_NegotiatePaymentPlan", "Task_ApproveFormalNotice", "Task_ApproveLegalHandoff");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DB_URL + (DB_URL.contains("?") ? "&" : "?")
				+ "createDatabaseIfNotExist=true&rewriteBatchedStatements=true");
		registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("DUNNING_TEST_DB_USERNAME", "root"));
		registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("DUNNING_TEST_DB_PASSWORD", ""));
	}

	@LocalServerPort
	int port;

	@Autowired
	TaskGroups groups;

	@Autowired
	PriorityWeights weights;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private final List<String> rows = new ArrayList<>();

	private final String loadAtStart = BenchMachine.loadAverage();

	/** One query shape: what the list is asked, by whom, and the same as the page's address. */
	record Shape(String name, TaskListQuery query, Actor actor, String user, String path) {
	}

	@Test
	void aPageOfFiftyOutOfAHundredThousandOpenTasks() throws Exception {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));
		long filled = fill(today);
		Actor manager = new Actor("manager", Set.of("managers", "collectors"), true);
		Actor collector = new Actor("collector", Set.of("collectors"));
		TaskListQuery.Sort priority = TaskListQuery.Sort.PRIORITY;
		List<Shape> shapes = new ArrayList<>(List.of(
				new Shape("all teams, by priority (manager)", query(TaskListQuery.View.ALL, null, null, null, null,
						false, priority, null), manager, "manager", "/tasks?view=all"),
				new Shape("my team's, by priority (collector)", query(TaskListQuery.View.TEAM, null, null, null, null,
						false, priority, null), collector, "collector", "/tasks?view=team"),
				new Shape("my team's, step + amount >= 1000 + 30 days overdue, by priority", query(
						TaskListQuery.View.TEAM, "Task_CourtesyCall", null, new BigDecimal("1000"), 30, false,
						priority, null), collector, "collector",
						"/tasks?view=team&step=Task_CourtesyCall&minAmount=1000&minDays=30"),
				new Shape("my team's, customer name contains 'Client 42', by priority", query(TaskListQuery.View.TEAM,
						null, "Client 42", null, null, false, priority, null), collector, "collector",
						"/tasks?view=team&customer=Client+42"),
				new Shape("all teams, broken promise, by priority", query(TaskListQuery.View.ALL, null, null, null,
						null, true, priority, null), manager, "manager", "/tasks?view=all&brokenPromise=on"),
				new Shape("my tasks (assigned to me), by priority", query(TaskListQuery.View.MINE, null, null, null,
						null, false, priority, null), collector, "collector", "/tasks?view=mine"),
				new Shape("all teams, by oldest due date", query(TaskListQuery.View.ALL, null, null, null, null, false,
						TaskListQuery.Sort.DUE, null), manager, "manager", "/tasks?view=all&sort=due"),
				new Shape("my team's, customer id or invoice number, by priority", query(TaskListQuery.View.TEAM,
						null, "TLB-C4242", null, null, false, priority, null), collector, "collector",
						"/tasks?view=team&customer=TLB-C4242"),
				new Shape("my team's, customer name contains 'SARL' (every customer), by priority", query(
						TaskListQuery.View.TEAM, null, "SARL", null, null, false, priority, null), collector, "collector",
						"/tasks?view=team&customer=SARL"),
				new Shape("all teams, by amount (not walked: sums every task)", query(TaskListQuery.View.ALL, null,
						null, null, null, false, TaskListQuery.Sort.AMOUNT, null), manager, "manager",
						"/tasks?view=all&sort=amount")));
		// The second page starts where the first ended: a keyset cursor, no offset.
		String cursor = groups.page(shapes.get(1).query(), collector, today).get(TaskGroups.PAGE - 1).cursor();
		shapes.add(new Shape("my team's, by priority, second page", query(TaskListQuery.View.TEAM, null, null, null,
				null, false, priority, cursor), collector, "collector", "/tasks?view=team&after="
						+ URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
		String dueCursor = groups.page(shapes.get(6).query(), manager, today).get(TaskGroups.PAGE - 1).cursor();
		shapes.add(new Shape("all teams, by oldest due date, second page", query(TaskListQuery.View.ALL, null, null,
				null, null, false, TaskListQuery.Sort.DUE, dueCursor), manager, "manager", "/tasks?view=all&sort=due&after="
						+ URLEncoder.encode(dueCursor, StandardCharsets.UTF_8)));

		HttpClient managerBrowser = signedIn("manager");
		HttpClient collectorBrowser = signedIn("collector");
		// The JIT compiles the page's path during the first few hundred requests: without a warm-up across the
		// shapes, the first shape measured pays for it.
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			for (Shape shape : shapes.stream().filter(s -> s.query().sort() != TaskListQuery.Sort.AMOUNT).toList()) {
				get(shape.user().equals("manager") ? managerBrowser : collectorBrowser, shape.path());
			}
		}
		for (Shape shape : shapes) {
			assertThat(groups.page(shape.query(), shape.actor(), today)).as(shape.name()).isNotEmpty();
			List<Double> query = measure(QUERY_RUNS, () -> groups.page(shape.query(), shape.actor(), today).size());
			HttpClient browser = shape.user().equals("manager") ? managerBrowser : collectorBrowser;
			List<Double> page = measure(PAGE_RUNS, () -> get(browser, shape.path()));
			row(shape.name(), query, page);
		}
		write(filled);
	}

	private static TaskListQuery query(TaskListQuery.View view, String step, String customer, BigDecimal minAmount,
			Integer minDays, boolean brokenPromise, TaskListQuery.Sort sort, String after) {
		return new TaskListQuery(view, step, customer, minAmount, null, minDays, null, brokenPromise, sort, after, false);
	}

	/**
	 * Empties the task table and writes the customers and their open tasks, seeded, so that every run measures the
	 * same data.
	 */
	private long fill(LocalDate today) throws Exception {
		jdbc.sql("DELETE FROM task").update();
		jdbc.sql("DELETE FROM customer WHERE external_id LIKE 'TLB-C%'").update();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO customer (external_id, name, search_name, type, language, email, phone, created_at)
						VALUES (?, ?, ?, 'B2B', 'fr', ?, '+33612345678', CURRENT_TIMESTAMP)
						""")) {
			connection.setAutoCommit(false);
			for (int customer = 0; customer < CUSTOMERS; customer++) {
				insert.setString(1, "TLB-C" + customer);
				insert.setString(2, "Client " + customer + " SARL");
				insert.setString(3, SearchKey.of("Client " + customer + " SARL"));
				insert.setString(4, "compta" + customer + "@client.example");
				insert.addBatch();
			}
			insert.executeBatch();
			connection.commit();
		}
		Random random = new Random(12);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO task (invoice_number, element_id, form_id, candidate_group, assignee, due_at, state,
						                  open_key, job_key, process_instance_key, created_at, customer_id, customer_name,
						                  customer_email, customer_phone, amount, currency, invoice_due_date,
						                  broken_promise_on, priority_base, group_key)
						VALUES (?, ?, ?, ?, ?, NULL, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)
						""")) {
			connection.setAutoCommit(false);
			Timestamp now = Timestamp.from(clock.instant());
			for (int i = 0; i < TASKS; i++) {
				int customer = i % CUSTOMERS;
				String step = STEPS.get(random.nextInt(STEPS.size()));
				String invoice = "TLB-" + i;
				BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(20_000)).add(new BigDecimal("0.50"));
				LocalDate due = today.minusDays(1 + random.nextInt(200));
				LocalDate broken = random.nextInt(10) == 0 ? due.plusDays(10) : null;
				boolean managers = step.startsWith("Task_Approve");
				insert.setString(1, invoice);
				insert.setString(2, step);
				insert.setString(3, "form");
				insert.setString(4, managers ? "managers" : "collectors");
				insert.setString(5, !managers && random.nextInt(10) == 0 ? "collector" : null);
				insert.setString(6, invoice + " " + step);
				insert.setLong(7, i);
				insert.setLong(8, i);
				insert.setTimestamp(9, now);
				insert.setString(10, "TLB-C" + customer);
				insert.setString(11, "Client " + customer + " SARL");
				insert.setString(12, "compta" + customer + "@client.example");
				insert.setString(13, "+33612345678");
				insert.setBigDecimal(14, amount);
				insert.setDate(15, Date.valueOf(due));
				insert.setDate(16, broken == null ? null : Date.valueOf(broken));
				insert.setLong(17, Priority.base(weights, amount, due, broken, PaymentHistory.NONE));
				insert.setString(18, "TLB-C" + customer);
				insert.addBatch();
				if (i % 2000 == 1999) {
					insert.executeBatch();
					connection.commit();
				}
			}
			insert.executeBatch();
			connection.commit();
		}
		jdbc.sql("ANALYZE TABLE task").query().listOfRows();
		jdbc.sql("ANALYZE TABLE customer").query().listOfRows();
		return jdbc.sql("SELECT COUNT(*) FROM task WHERE state = 'OPEN'").query(Long.class).single();
	}

	private HttpClient signedIn(String user) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return browser;
	}

	private int get(HttpClient browser, String path) {
		try {
			HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("task-line");
			return page.body().length();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Milliseconds per run, sorted, after a warm-up of a tenth as many runs. A slow shape stops after a minute (and
	 * at least 20 runs), so that it does not hold the shared machine for long.
	 */
	private static List<Double> measure(int runs, Supplier<Integer> run) {
		for (int i = 0; i < Math.max(5, runs / 10); i++) {
			run.get();
		}
		List<Double> millis = new ArrayList<>();
		long budget = System.nanoTime() + 60_000_000_000L;
		for (int i = 0; i < runs && (i < 20 || System.nanoTime() < budget); i++) {
			long start = System.nanoTime();
			run.get();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(millis);
		return millis;
	}

	private static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private void row(String shape, List<Double> query, List<Double> page) {
		String line = String.format("| %s | %.1f | %.1f | %.1f | %.1f | %d / %d | %s |", shape, percentile(query, 50),
				percentile(query, 95), percentile(page, 50), percentile(page, 95), query.size(), page.size(),
				percentile(page, 95) < 50 ? "met" : "missed");
		rows.add(line);
		System.out.println("BENCH " + line);
	}

	private void write(long filled) {
		List<String> lines = new ArrayList<>();
		lines.add("# Task list: a page of 50 out of " + filled + " open tasks");
		lines.add("");
		lines.add("Written by `./mvnw -Pbench verify -Dtest=TaskListBench` (" + getClass().getSimpleName() + "). "
				+ TASKS + " open tasks over " + CUSTOMERS + " customers, four steps, two candidate groups, one task in ten "
				+ "assigned, one in ten with a broken promise. The query is `TaskGroups.page` alone (" + QUERY_RUNS
				+ " runs); the page is `GET /tasks` through the signed-in session, security and Thymeleaf included ("
				+ PAGE_RUNS + " runs), after " + WARM_UP_ROUNDS + " warm-up pages of every shape. The customers' names "
				+ "are in the customer table as well. A slow shape stops measuring after a minute. Goal: p95 under 50 ms "
				+ "for the page.");
		lines.add("");
		lines.add("- date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (UTC)");
		lines.add("- commit: " + BenchMachine.commit());
		lines.add("- machine: " + BenchMachine.description());
		lines.add("- load average (1, 5, 15 min) at the start: " + loadAtStart + "; at the end: "
				+ BenchMachine.loadAverage()
				+ " (shared with other builds: a load above the core count queues every request)");
		lines.add("- Java " + System.getProperty("java.version") + ", database "
				+ jdbc.sql("SELECT VERSION()").query(String.class).single());
		lines.add("");
		lines.add("| query shape | query p50 (ms) | query p95 (ms) | page p50 (ms) | page p95 (ms) | runs (query / page) "
				+ "| goal: page p95 < 50 ms |");
		lines.add("|---|---|---|---|---|---|---|");
		lines.addAll(rows);
		try {
			Path file = Path.of(System.getProperty("bench.results", "src/docs/bench/task-list-100000.md"));
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
