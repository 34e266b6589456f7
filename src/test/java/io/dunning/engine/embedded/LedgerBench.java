package io.dunning.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.dunning.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger benchmarks of issue 11 on the embedded default with a MySQL-compatible server. Not part of the build:
 * {@code ./mvnw -Pbench verify} runs them and rewrites {@code src/docs/bench/latest.md}. Every figure is set against
 * B0, the bare engine measured in the same run, so a loaded machine moves both sides.
 */
@Tag("bench")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerBench {

	private static final Logger log = LoggerFactory.getLogger(LedgerBench.class);

	private static final int CASES = Integer.getInteger("bench.cases", 10_000);

	private static final int PAYMENTS = Integer.getInteger("bench.payments", 1_000);

	private static final int OVERDUE_DAYS = 40;

	private static final String FIRST_WAIT = "Timer_FormalReminderDue";

	private static final String FRIENDLY = "Task_SendFriendlyEmail";

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final BenchDatabase database = new BenchDatabase("jdbc:mysql://127.0.0.1:3306/dunning_bench");

	private final BenchReport report = new BenchReport(CASES, "Ledger benchmarks: latest run",
			"Written by `./mvnw -Pbench verify` (see `../embedded-engine.md`). Every ratio is against B0, the bare\n"
					+ "engine measured in the same run.");

	private BenchApp app;

	private double b0CasesPerSecond;

	private double b1Seconds;

	@Test
	@Order(0)
	void b0BareEngineRunsTheLandedDiagramWithNoOpWorkers() throws Exception {
		BpmnModelInstance diagram = Bpmn.readModelFromFile(new File("bpmn/dunning-escalation.bpmn"));
		Set<String> jobTypes = new TreeSet<>();
		diagram.getModelElementsByType(ZeebeTaskDefinition.class).forEach(task -> jobTypes.add(task.getType()));
		diagram.getModelElementsByType(ZeebeExecutionListener.class).forEach(listener -> jobTypes.add(listener.getType()));
		AtomicLong waiting = new AtomicLong();
		AtomicLong jobs = new AtomicLong();
		try (EngineAssembly engine = EngineAssembly.start(0);
				CamundaClient client = CamundaClient.newClientBuilder()
					.grpcAddress(URI.create("http://" + engine.address()))
					.restAddress(URI.create("http://127.0.0.1:1"))
					.preferRestOverGrpc(false)
					.numJobWorkerExecutionThreads(4)
					.defaultRequestTimeout(Duration.ofSeconds(60))
					.build()) {
			engine.addRecordListener(Set.of(ValueType.JOB, ValueType.PROCESS_INSTANCE), record -> {
				if (record.getValueType() == ValueType.JOB && record.getIntent() == JobIntent.CREATED) {
					jobs.incrementAndGet();
				}
				if (record.getValueType() == ValueType.PROCESS_INSTANCE
						&& record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
						&& FIRST_WAIT.equals(((ProcessInstanceRecordValue) record.getValue()).getElementId())) {
					waiting.incrementAndGet();
				}
			});
			client.newDeployResourceCommand().addProcessModel(diagram, "dunning-escalation.bpmn")
				.addResourceFile("bpmn/assignment.dmn").send().join();
			List<JobWorker> workers = new ArrayList<>();
			for (String type : jobTypes) {
				// A send returns when it contacted the customer, as the real workers do, so the next timer waits.
				Map<String, Object> result = type.startsWith("dunning:send-") ? Map.of("lastContactAt",
						ZonedDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
						: Map.of();
				workers.add(client.newWorker().jobType(type).handler((jobClient, job) -> {
					jobClient.newCompleteCommand(job).variables(result).send();
				}).streamEnabled(true).maxJobsActive(32).open());
			}
			String dueDate = LocalDate.now(ZONE).minusDays(OVERDUE_DAYS).toString();
			Semaphore inFlight = new Semaphore(64);
			Instant start = Instant.now();
			for (int i = 0; i < CASES; i++) {
				inFlight.acquireUninterruptibly();
				Map<String, Object> variables = new HashMap<>();
				variables.put("caseId", i);
				variables.put("invoiceNumber", "B0-" + i);
				variables.put("dueDate", dueDate);
				variables.put("contactTime", "09:00:00@Europe/Paris");
				variables.put("contactGap", "P7D");
				variables.put("lastContactAt", null);
				variables.put("pausedDays", 0);
				variables.put("balance", 100);
				variables.put("segment", null);
				variables.put("portfolioOwner", null);
				client.newCreateInstanceCommand()
					.bpmnProcessId("dunning-escalation")
					.latestVersion()
					.variables(variables)
					.send()
					.whenComplete((created, failure) -> inFlight.release());
			}
			inFlight.acquireUninterruptibly(64);
			Duration created = Duration.between(start, Instant.now());
			await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> progress("B0 instances at their first wait", waiting.get()) >= CASES);
			Duration toFirstWait = Duration.between(start, Instant.now());
			workers.forEach(JobWorker::close);
			b0CasesPerSecond = CASES / seconds(toFirstWait);
			report.row("B0", "bare engine: instances created", CASES / seconds(created), "/s", "baseline", "");
			report.row("B0", "bare engine: all " + CASES + " at " + FIRST_WAIT, seconds(toFirstWait), "s", "baseline", "");
			report.row("B0", "bare engine: cases to their first wait", b0CasesPerSecond, "/s", "1.00 (baseline)", "");
			report.row("B0", "engine jobs created per case up to the first wait", (double) jobs.get() / CASES, "", "", "");
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					engine.dropReadLog();
					return engine.logSize().retainedBlocks() < 100;
				});
			}
			catch (org.awaitility.core.ConditionTimeoutException e) {
				log.warn("The engine log still holds {} blocks", engine.logSize().retainedBlocks());
			}
			report.row("B0", "engine log blocks retained once idle / appended", engine.logSize().retainedBlocks(),
					"of " + engine.logSize().appendedBlocks(), "", "");
		}
	}

	@Test
	@Order(1)
	void b1ImportingTheLedgerOpensEveryCaseAndSendsEachFriendlyEmailOnce() throws Exception {
		database.recreate();
		app = BenchApp.start("b1", BenchApp.freePort(), database.properties(), "3g");
		app.awaitUp(Duration.ofMinutes(3));
		Api integrator = new Api(app.port(), "integrator", "demo");
		byte[] ledger = ledgerCsv(LocalDate.now(ZONE).minusDays(OVERDUE_DAYS));

		Instant start = Instant.now();
		Api.Response imported = integrator.upload("/api/invoices/import", "ledger.csv", ledger);
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		Duration importTook = Duration.between(start, Instant.now());
		await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(2))
			.until(() -> progress("B1 cases started", database.count("SELECT COUNT(*) FROM dunning_case WHERE process_instance_key IS NOT NULL")) >= CASES
					&& progress("B1 friendly emails", friendlyEmails()) >= CASES);
		b1Seconds = seconds(Duration.between(start, Instant.now()));
		double rate = CASES / b1Seconds;
		long rss = app.rssBytes();

		Api.Response again = integrator.upload("/api/invoices/import", "ledger.csv", ledger);
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		String sentinel = sentinelInvoice(integrator, "B1-SENTINEL");
		await().atMost(Duration.ofMinutes(5)).until(() -> database.count(
				"SELECT COUNT(*) FROM outbox_message WHERE invoice_number = '" + sentinel + "'") == 1);
		long cases = database.count("SELECT COUNT(*) FROM dunning_case");
		long friendly = friendlyEmails();
		long duplicates = duplicateSends();

		report.row("B1", "CSV import request (" + CASES + " rows)", seconds(importTook), "s", "", "");
		report.row("B1", "import to every case started with its friendly email", b1Seconds, "s", "", "");
		report.row("B1", "cases to their first contact", rate, "/s", ratio(rate / b0CasesPerSecond), "goal >= 0.70");
		report.row("B1", "second import of the same file: cases / friendly emails (with one sentinel)",
				cases, "/ " + friendly, cases == CASES + 1 && friendly == CASES + 1 ? "nothing started" : "DUPLICATES",
				"goal " + (CASES + 1));
		report.row("B1", "sends repeated (same invoice, step, channel)", duplicates, "", "", "goal 0");
		report.row("B1", "RSS with " + CASES + " open cases", rss / 1024.0 / 1024, "MiB", "", "");
		assertThat(cases).isEqualTo(CASES + 1);
		assertThat(friendly).isEqualTo(CASES + 1);
		assertThat(duplicates).isZero();
	}

	@Test
	@Order(2)
	void r1AfterKillMinus9EveryOpenCaseIsRehydratedAndNothingIsSentTwice() throws Exception {
		assertThat(app).as("B1 leaves the application with its open cases").isNotNull();
		long open = database.count("SELECT COUNT(*) FROM dunning_case WHERE status = 'OPEN'");
		long sentBefore = database.count("SELECT COUNT(*) FROM outbox_message");
		String run = database.single("SELECT MAX(engine_run) FROM dunning_case WHERE status = 'OPEN'");
		app.kill();

		Instant start = Instant.now();
		app = BenchApp.start("r1", BenchApp.freePort(), database.properties(), "3g");
		Instant up = app.awaitUp(Duration.ofMinutes(10));
		await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
			.until(() -> progress("R1 cases rehydrated", database.count("SELECT COUNT(*) FROM dunning_case WHERE status = 'OPEN' "
					+ "AND process_instance_key IS NOT NULL AND engine_run <> '" + run + "'")) >= open);
		double took = seconds(Duration.between(start, Instant.now()));
		String sentinel = sentinelInvoice(new Api(app.port(), "integrator", "demo"), "R1-SENTINEL");
		await().atMost(Duration.ofMinutes(5)).until(() -> database.count(
				"SELECT COUNT(*) FROM outbox_message WHERE invoice_number = '" + sentinel + "'") == 1);
		long sentAfter = database.count("SELECT COUNT(*) FROM outbox_message");

		report.row("R1", "start to up (health 200)", seconds(Duration.between(start, up)), "s", "", "");
		report.row("R1", "start to all " + open + " open cases rehydrated", took, "s", ratio(took / b1Seconds) + " x B1",
				"goal <= 1.5 x B1");
		report.row("R1", "messages sent by the restart (sentinel excluded)", sentAfter - sentBefore - 1, "", "", "goal 0");
		report.row("R1", "sends repeated (same invoice, step, channel)", duplicateSends(), "", "", "goal 0");
		assertThat(sentAfter - sentBefore).isEqualTo(1);
	}

	@Test
	@Order(3)
	void b3APaymentEndsTheInstanceAndRemovesTheCallTask() throws Exception {
		assertThat(app).as("R1 leaves the application with its open cases").isNotNull();
		Api admin = new Api(app.port(), "admin", "demo");
		long open = database.count("SELECT COUNT(*) FROM dunning_case WHERE status = 'OPEN'");
		// Seven days after the friendly email comes the formal one, and seven days after that the courtesy call.
		assertThat(admin.post("/api/admin/clock/advance", Map.of("duration", "P7D")).status()).isEqualTo(200);
		await().atMost(Duration.ofMinutes(90)).pollInterval(Duration.ofSeconds(5))
			.until(() -> progress("B3 formal reminders sent", database.count("SELECT COUNT(DISTINCT invoice_number) FROM outbox_message "
					+ "WHERE step = 'Task_SendFormalSms'")) >= open);
		assertThat(admin.post("/api/admin/clock/advance", Map.of("duration", "P7D")).status()).isEqualTo(200);
		await().atMost(Duration.ofMinutes(90)).pollInterval(Duration.ofSeconds(5))
			.until(() -> progress("B3 courtesy calls open", database.count("SELECT COUNT(*) FROM task WHERE state = 'OPEN' "
					+ "AND element_id = 'Task_CourtesyCall'")) >= open);
		List<String> numbers = database.strings("SELECT invoice_number FROM task WHERE state = 'OPEN' "
				+ "AND element_id = 'Task_CourtesyCall' ORDER BY id LIMIT " + PAYMENTS);
		Api integrator = new Api(app.port(), "integrator", "demo");
		String paidOn = LocalDate.now(ZONE).plusDays(14).toString();
		List<Double> millis = new ArrayList<>();
		for (String number : numbers) {
			String amount = database.single("SELECT amount FROM invoice WHERE invoice_number = '" + number + "'");
			long start = System.nanoTime();
			Api.Response paid = integrator.post("/api/payments", Map.of("reference", "PAY-" + UUID.randomUUID(),
					"invoiceNumber", number, "amount", amount, "currency", "EUR", "paidOn", paidOn));
			assertThat(paid.status()).as(paid.text()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
				.until(() -> database.count("SELECT COUNT(*) FROM dunning_case c WHERE c.invoice_number = '" + number
						+ "' AND c.status = 'PAID' AND NOT EXISTS (SELECT 1 FROM task t WHERE t.invoice_number = c.invoice_number "
						+ "AND t.state = 'OPEN')") == 1);
			millis.add((System.nanoTime() - start) / 1_000_000.0);
			progress("B3 payments done", millis.size());
		}
		Collections.sort(millis);
		report.row("B3", "payment POST to instance ended and task gone, p50", percentile(millis, 50), "ms", "", "");
		report.row("B3", "same, p99 (" + millis.size() + " payments, " + open + " open calls)", percentile(millis, 99),
				"ms", "", "goal < 1000 ms");
	}

	/** After each figure, so that a run cut short still leaves what it measured. */
	@AfterEach
	void writeResults() {
		report.write(Path.of(System.getProperty("bench.results", "src/docs/bench/latest.md")), database.version());
	}

	@AfterAll
	void stop() throws Exception {
		if (app != null) {
			app.close();
		}
	}

	private byte[] ledgerCsv(LocalDate due) {
		StringBuilder csv = new StringBuilder(
				"invoice_number,customer_id,customer_name,customer_type,language,email,phone,amount,currency,issue_date,due_date\n");
		for (int i = 0; i < CASES; i++) {
			int customer = i % 3_000;
			csv.append("L-").append(i).append(",C-").append(customer).append(",Client ").append(customer)
				.append(",B2B,fr,client").append(customer).append("@example.com,+336123").append(String.format("%05d", customer))
				.append(',').append(100 + i % 900).append(".00,EUR,").append(due.minusDays(30)).append(',').append(due)
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String sentinelInvoice(Api integrator, String prefix) {
		String number = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		LocalDate due = LocalDate.now(ZONE).minusDays(OVERDUE_DAYS);
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("invoiceNumber", number);
		invoice.put("customerId", "C-" + number);
		invoice.put("customerName", "Sentinel");
		invoice.put("customerType", "B2B");
		invoice.put("language", "fr");
		invoice.put("email", "sentinel@example.com");
		invoice.put("phone", "+33612345678");
		invoice.put("amount", "100.00");
		invoice.put("currency", "EUR");
		invoice.put("issueDate", due.minusDays(30).toString());
		invoice.put("dueDate", due.toString());
		Api.Response response = integrator.post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	private long friendlyEmails() throws SQLException {
		return database.count("SELECT COUNT(DISTINCT invoice_number) FROM outbox_message WHERE step = '" + FRIENDLY + "'");
	}

	private long duplicateSends() throws SQLException {
		return database.count("SELECT COUNT(*) FROM (SELECT invoice_number FROM outbox_message "
				+ "GROUP BY invoice_number, step, channel HAVING COUNT(*) > 1) repeated");
	}

	private static long progress(String what, long value) {
		log.info("{}: {} of {}", what, value, CASES);
		return value;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static String ratio(double value) {
		return String.format("%.2f", value);
	}

	private static double percentile(List<Double> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

}
