package io.dunning.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

import io.dunning.Api;
import io.dunning.Dunning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * B6 of issue 11: a utility's ledger (72 000 open cases) on the embedded default while the clock moves one day at a
 * time through 60 days, with the process's RSS and its heap after a full collection read at the end of every
 * simulated day. Not part of the build: {@code ./mvnw -Pbench verify -Dtest=LongRunBench} runs it and rewrites
 * {@code src/docs/bench/b6-long-run.md} after every day, so a run cut short still leaves its readings.
 */
@Tag("bench")
class LongRunBench {

	private static final Logger log = LoggerFactory.getLogger(LongRunBench.class);

	private static final int CASES = Integer.getInteger("bench.long.cases", 72_000);

	private static final int DAYS = Integer.getInteger("bench.long.days", 60);

	private static final int CUSTOMERS = Math.max(1, CASES / 3);

	private static final int ROWS_PER_FILE = 9_000;

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private static final Duration QUIET = Duration.ofSeconds(6);

	private static final Duration STEP_QUIET = Duration.ofSeconds(1);

	/** The application's defaults: dunning.contact-time and dunning.contact-window. */
	private static final LocalTime CONTACT_TIME = LocalTime.of(9, 0);

	private static final Duration CONTACT_WINDOW = Duration.ofHours(2);

	private static final Duration WINDOW_STEP = Duration.ofMinutes(10);

	/** Records the engine may have yet to reach and still count as idle: the follow-ups of its last command. */
	private static final long ENGINE_CAUGHT_UP = 100;

	private final BenchDatabase database = new BenchDatabase("jdbc:mysql://127.0.0.1:3306/dunning_bench_long");

	private final BenchReport report = new BenchReport(CASES, "B6: a ledger of " + CASES + " open cases over " + DAYS
			+ " days", "Written by `./mvnw -Pbench verify -Dtest=LongRunBench` (see `../embedded-engine.md`). The cases are "
					+ "1 to 60 days overdue when imported. Each simulated day is advanced to the start of the contact window, "
					+ "through the window in steps of " + WINDOW_STEP.toMinutes() + " minutes (as real time would spread "
					+ "its reminders), then to its end; a step ends once the engine has caught up with its log and the "
					+ "database has been quiet (" + STEP_QUIET.toSeconds() + " s, " + QUIET.toSeconds() + " s at the day's "
					+ "end). Then a full GC runs and the memory is read; the RSS is also sampled every second.");

	private final List<Reading> readings = new ArrayList<>();

	private volatile long peakRss;

	@Test
	void b6MemoryStaysBoundedWhileTheClockMovesADayAtATime() throws Exception {
		database.recreate();
		try (BenchApp app = BenchApp.start("b6", BenchApp.freePort(), database.properties(), "3g")) {
			app.awaitUp(Duration.ofMinutes(3));
			Api integrator = new Api(app.port(), "integrator", "demo");
			Api admin = new Api(app.port(), "admin", "demo");
			Dunning dunning = new Dunning(app.port());

			Instant start = Instant.now();
			LocalDate today = LocalDate.now(ZONE);
			for (int first = 0; first < CASES; first += ROWS_PER_FILE) {
				Api.Response imported = integrator.upload("/api/invoices/import", "ledger-" + first + ".csv",
						ledgerCsv(first, Math.min(CASES, first + ROWS_PER_FILE), today));
				assertThat(imported.status()).as(imported.text()).isEqualTo(200);
			}
			await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(5)).until(() -> progress("B6 cases started",
					database.count("SELECT COUNT(*) FROM dunning_case WHERE process_instance_key IS NOT NULL")) >= CASES);
			awaitQuiet(app, admin, "opening", QUIET);
			double opened = seconds(Duration.between(start, Instant.now()));
			report.row("B6", "import and open " + CASES + " cases, each at its first wait", opened, "s",
					String.format("%.2f /s", CASES / opened), "");
			read(app, 0);

			for (int day = 1; day <= DAYS; day++) {
				Instant end = dunning.now().plus(Duration.ofDays(1));
				for (Instant step : steps(dunning.now(), end)) {
					dunning.advance(Duration.between(dunning.now(), step).toString());
					awaitQuiet(app, admin, "day " + day, step.equals(end) ? QUIET : STEP_QUIET);
				}
				read(app, day);
			}
		}
		finally {
			summarise();
			write();
		}
		assertThat(readings).hasSize(DAYS + 1);
		assertThat(readings.stream().mapToLong(Reading::peakRss).max().orElseThrow()).isLessThan(4L << 30);
	}

	/**
	 * The day's work is done when the engine has caught up with its log and nothing has been written for a while: the
	 * engine fires the day's timers at once and the workers then write history, messages and tasks. The database alone
	 * is not enough: in a burst the engine can work for longer than the quiet period without a worker writing, and a
	 * day ended early moves the next day's timers onto a backlog. The RSS is sampled meanwhile, since a burst's peak
	 * is over by the end of the day.
	 */
	private void awaitQuiet(BenchApp app, Api admin, String what, Duration quiet) {
		AtomicReference<String> last = new AtomicReference<>("");
		AtomicReference<Instant> since = new AtomicReference<>(Instant.now());
		peakRss = 0;
		await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			String written = database.single("SELECT CONCAT((SELECT COALESCE(MAX(id), 0) FROM case_history), '/', "
					+ "(SELECT COALESCE(MAX(id), 0) FROM outbox_message), '/', (SELECT COALESCE(MAX(id), 0) FROM task), '/', "
					+ "(SELECT COUNT(*) FROM dunning_case WHERE status = 'OPEN'))");
			peakRss = Math.max(peakRss, app.rssBytes());
			long behind = admin.get("/actuator/health").body().at("/components/engineLog/details/recordsBehind")
				.asLong(Long.MAX_VALUE);
			boolean changed = !written.equals(last.getAndSet(written));
			if (changed) {
				log.info("B6 {}: history/outbox/task/open {}, the engine {} records behind", what, written, behind);
			}
			if (changed || behind >= ENGINE_CAUGHT_UP) {
				since.set(Instant.now());
			}
			return Duration.between(since.get(), Instant.now()).compareTo(quiet) >= 0;
		});
	}

	private void read(BenchApp app, int day) throws SQLException {
		long heap = app.heapAfterGcBytes();
		Reading reading = new Reading(day, database.count("SELECT COUNT(*) FROM dunning_case WHERE status = 'OPEN'"),
				database.count("SELECT COUNT(*) FROM task WHERE state = 'OPEN'"),
				database.count("SELECT COUNT(*) FROM outbox_message"), Math.max(peakRss, app.rssBytes()), app.rssBytes(),
				heap);
		readings.add(reading);
		log.info("B6 {}", reading);
		write();
	}

	private void summarise() {
		if (readings.size() < 3) {
			return;
		}
		// Growth over the second half, when every case has long been open and at its call: the steady state.
		List<Reading> steady = readings.subList(readings.size() / 2, readings.size());
		report.row("B6", "RSS, highest during a day", mib(readings.stream().mapToLong(Reading::peakRss).max().orElseThrow()),
				"MiB", "", "goal < 4096 MiB");
		report.row("B6", "heap after GC, highest", mib(readings.stream().mapToLong(Reading::heapAfterGc).max().orElseThrow()),
				"MiB", "", "");
		report.row("B6", "RSS growth per day, days " + steady.getFirst().day() + "-" + steady.getLast().day(),
				mib(slope(steady, Reading::rss)), "MiB/day", "", "goal: bounded");
		report.row("B6", "heap after GC growth per day, days " + steady.getFirst().day() + "-" + steady.getLast().day(),
				mib(slope(steady, Reading::heapAfterGc)), "MiB/day", "", "goal: bounded");
	}

	private void write() {
		List<String> table = new ArrayList<>(List.of("## Readings at the end of each simulated day", "",
				"| day | open cases | open tasks | messages sent | RSS, highest during the day (MiB) | RSS at the end (MiB) | heap after GC (MiB) |",
				"|---|---|---|---|---|---|---|"));
		readings.forEach(r -> table.add(String.format("| %d | %d | %d | %d | %.0f | %.0f | %.0f |", r.day(), r.openCases(),
				r.openTasks(), r.messages(), mib(r.peakRss()), mib(r.rss()), mib(r.heapAfterGc()))));
		report.write(Path.of(System.getProperty("bench.results", "src/docs/bench/b6-long-run.md")), database.version(),
				table);
	}

	/**
	 * The moments a simulated day is advanced to: the start of the contact window, through the window in steps the
	 * engine keeps up with, then the day's end. Real time spreads a day's reminders over the window; a clock jumping
	 * the whole day at once would make them due in the same second (65 000 of them on day 7).
	 */
	private static List<Instant> steps(Instant from, Instant end) {
		List<Instant> steps = new ArrayList<>();
		ZonedDateTime local = from.atZone(ZONE);
		ZonedDateTime window = local.with(CONTACT_TIME);
		if (!window.isAfter(local)) {
			window = window.plusDays(1);
		}
		for (ZonedDateTime at = window; at.toInstant().isBefore(end) && at.isBefore(window.plus(CONTACT_WINDOW));
				at = at.plus(WINDOW_STEP)) {
			steps.add(at.toInstant());
		}
		steps.add(end);
		return steps;
	}

	/** Least-squares slope of a figure against the day. */
	private static double slope(List<Reading> points, ToLongFunction<Reading> figure) {
		double n = points.size();
		double sx = 0, sy = 0, sxy = 0, sxx = 0;
		for (Reading r : points) {
			double x = r.day();
			double y = figure.applyAsLong(r);
			sx += x;
			sy += y;
			sxy += x * y;
			sxx += x * x;
		}
		return (n * sxy - sx * sy) / (n * sxx - sx * sx);
	}

	/** Invoices 1 to 60 days overdue, three per customer, so the ledger reaches every step of the path. */
	private static byte[] ledgerCsv(int from, int to, LocalDate today) {
		StringBuilder csv = new StringBuilder(
				"invoice_number,customer_id,customer_name,customer_type,language,email,phone,amount,currency,issue_date,due_date\n");
		for (int i = from; i < to; i++) {
			int customer = i % CUSTOMERS;
			LocalDate due = today.minusDays(1 + i % 60);
			csv.append("U-").append(i).append(",U-C-").append(customer).append(",Abonné ").append(customer)
				.append(i % 2 == 0 ? ",B2C,fr,abonne" : ",B2B,fr,abonne").append(customer).append("@example.com,+336")
				.append(String.format("%08d", customer)).append(',').append(40 + i % 400).append(".00,EUR,")
				.append(due.minusDays(30)).append(',').append(due).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static long progress(String what, long value) {
		log.info("{}: {} of {}", what, value, CASES);
		return value;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static double mib(double bytes) {
		return bytes / 1024 / 1024;
	}

	private record Reading(int day, long openCases, long openTasks, long messages, long peakRss, long rss,
			long heapAfterGc) {
	}

}
