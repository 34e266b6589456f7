package io.dunning.escalation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults between the app and the engine, on an engine the test owns (remote mode, as a cluster would be) so that it
 * can count the instances in the engine's own record stream: a create whose answer is lost, a replica that takes
 * over a stale claim, a stop message the engine misses, a passing database error in a step listener. The engine and
 * its clock are shared by the tests here, so the one that moves the clock weeks ahead runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RequiresDatabase
class InstanceCreationTest {

	static ZeebeTestEngine cluster;
	static Map<String, String> database;

	@BeforeAll
	static void cluster() throws IOException {
		cluster = EngineFactory.create(freePort());
		cluster.start();
		database = TestDatabase.fresh("instances");
	}

	@AfterAll
	static void stopCluster() {
		cluster.stop();
	}

	@AfterEach
	void healTheNetwork() {
		FlakyEngine.lostCreateAnswers.set(0);
		FlakyEngine.refusedPublishes.set(0);
	}

	@Test
	void aCreateWhoseAnswerIsLostEndsWithOneInstanceAndOneFriendlyEmail() {
		try (AppInstance app = AppInstance.start(remote(Map.of("spring.main.sources", FlakyEngine.class.getName())))) {
			Dunning dunning = dunning(app);
			FlakyEngine.lostCreateAnswers.set(1);
			String number = dunning.overdueInvoice("LOST", 4, "80.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			assertThat(FlakyEngine.lostCreateAnswers).hasValue(0);

			// Five minutes later the sweep looks for starts that never got their instance.
			backdateClaim(app, number);
			app.bean(CaseRehydrator.class).retryStranded();

			assertThat(liveInstances(number)).hasSize(1);
			assertThat(dunning.outbox(number)).extracting(m -> m.get("step").asText())
				.containsExactly("Task_SendFriendlyEmail");
		}
	}

	@Test
	void anInstanceStartedBeforeAStepIsGuardedToo() {
		try (AppInstance app = AppInstance.start(remote(Map.of("spring.main.sources", FlakyEngine.class.getName())))) {
			Dunning dunning = dunning(app);
			String number = dunning.overdueInvoice("RESTEP", 4, "80.00");
			// At a timer, whichever: the shared cluster clock may already stand weeks ahead of the app's.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> dunning.status(number).at("/case/currentStep").asText().startsWith("Timer_"));
			app.bean(CamundaClient.class).newCancelInstanceCommand(liveInstances(number).getFirst()).send().join();
			// As after an engine restart: the case must start again right before the step it had reached.
			app.bean(JdbcClient.class)
				.sql("UPDATE dunning_case SET engine_run = NULL, process_instance_key = NULL WHERE invoice_number = ?")
				.param(number)
				.update();
			FlakyEngine.lostCreateAnswers.set(1);

			app.bean(CaseRehydrator.class).retryStranded();

			await().atMost(Duration.ofSeconds(20)).until(() -> liveInstances(number).size() == 1
					&& liveInstances(number).getFirst().equals(bound(app, number)));
			assertThat(FlakyEngine.lostCreateAnswers).hasValue(0);
		}
	}

	@Test
	void twoReplicasStartingTheSameCaseLeaveOneInstance() {
		Map<String, String> idle = remote(Map.of("spring.main.sources", FlakyEngine.class.getName()));
		// Replicas A and B work no jobs, so the guards of their instances wait: the worst timing, where both
		// instances exist at once before either guard has run.
		idle.put("camunda.client.worker.defaults.enabled", "false");
		try (AppInstance a = AppInstance.start(idle); AppInstance b = AppInstance.start(remote(
				Map.of("camunda.client.worker.defaults.enabled", "false")))) {
			Dunning dunning = dunning(a);
			FlakyEngine.lostCreateAnswers.set(1);
			String number = dunning.overdueInvoice("REPLICA", 4, "80.00");
			await().atMost(Duration.ofSeconds(20)).until(() -> liveInstances(number).size() == 1);
			// A's answer was lost; five minutes later replica B's sweep takes the claim again and starts the case.
			backdateClaim(a, number);
			b.bean(CaseRehydrator.class).retryStranded();
			await().atMost(Duration.ofSeconds(20)).until(() -> liveInstances(number).size() == 2);

			try (AppInstance c = AppInstance.start(remote(Map.of()))) {
				dunning.awaitStep(number, "Timer_FormalReminderDue");
				await().atMost(Duration.ofSeconds(20)).until(() -> liveInstances(number).size() == 1);
				assertThat(bound(a, number)).isEqualTo(liveInstances(number).getFirst());
				assertThat(dunning.outbox(number)).extracting(m -> m.get("step").asText())
					.containsExactly("Task_SendFriendlyEmail");
			}
		}
	}

	@Test
	void aStopMessageTheEngineMissedIsPublishedAgainUntilItArrives() {
		try (AppInstance app = AppInstance.start(remote(Map.of("spring.main.sources", FlakyEngine.class.getName())))) {
			Dunning dunning = dunning(app);
			String number = dunning.overdueInvoice("UNHEARD", 4, "80.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			FlakyEngine.refusedPublishes.set(3);

			dunning.pay(number, "80.00");

			dunning.awaitCaseStatus(number, "PAID");
			await().atMost(Duration.ofSeconds(30)).until(() -> liveInstances(number).isEmpty());
			assertThat(FlakyEngine.refusedPublishes).hasValue(0);
		}
	}

	@Test
	void aShortDatabaseErrorInAStepListenerSpendsNoRetry() throws Exception {
		Map<String, String> properties = new HashMap<>();
		// A lock wait gives up after a second instead of fifty: the short database error under test.
		properties.put("spring.datasource.url", database.get("spring.datasource.url")
				+ "&sessionVariables=innodb_lock_wait_timeout=1,lock_wait_timeout=1");
		try (AppInstance app = AppInstance.start(remote(properties))) {
			Dunning dunning = dunning(app);
			String number = dunning.overdueInvoice("DBHICCUP", 4, "80.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			long instance = liveInstances(number).getFirst();

			try (Connection locker = DriverManager.getConnection(database.get("spring.datasource.url"),
					database.get("spring.datasource.username"), database.get("spring.datasource.password"));
					Statement statement = locker.createStatement()) {
				statement.execute("LOCK TABLES case_history WRITE");
				cluster.increaseTime(Duration.ofDays(11));
				// More failures than the listener job has retries: each would have cost one.
				await().atMost(Duration.ofSeconds(40)).until(() -> failedListenerJobs(instance).size() > 3);
				statement.execute("UNLOCK TABLES");
			}

			dunning.awaitStep(number, "Timer_CourtesyCallDue");
			assertThat(failedListenerJobs(instance)).extracting(JobRecordValue::getRetries).containsOnly(3);
			assertThat(records(ValueType.INCIDENT)).noneMatch(r -> r.getIntent() == IncidentIntent.CREATED);
		}
	}

	/**
	 * The engine jobs one case costs from its start to its courtesy call: start listener-free, the friendly email, the
	 * formal email and SMS, the call. Wait states report through listeners, service tasks through their own worker; the
	 * call's assignment rule is evaluated by the engine, its SLA calendar costs one listener job. Figures in
	 * src/docs/bench/jobs-per-case.md.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void aCaseReachesItsCourtesyCallWithTwelveEngineJobs() {
		try (AppInstance app = AppInstance.start(remote(Map.of()))) {
			Dunning dunning = dunning(app);
			String number = dunning.overdueInvoice("JOBS", 15, "80.00");
			// Waits on what the case has done, not on a step it may pass through at once: the cluster's clock is
			// shared with the tests before, and may already stand past the formal reminder's date.
			await().atMost(Duration.ofSeconds(20)).until(() -> !dunning.outbox(number).isEmpty());
			long instance = liveInstances(number).getFirst();
			cluster.increaseTime(Duration.ofDays(8));
			await().atMost(Duration.ofSeconds(20)).until(() -> dunning.outbox(number).size() == 3);
			cluster.increaseTime(Duration.ofDays(8));
			await().atMost(Duration.ofSeconds(20)).until(() -> jobsCreated(instance).contains("io.camunda.zeebe:userTask"));

			// Up to the call's own job: the cluster's clock may stand past the call's SLA already (an SLA job then follows).
			List<String> jobs = jobsCreated(instance);
			assertThat(jobs.subList(0, jobs.indexOf("io.camunda.zeebe:userTask") + 1)).containsExactly(
					"dunning:enter-step:1", "dunning:leave-step:1",
					"dunning:send-email:1", "dunning:enter-step:1", "dunning:leave-step:1", "dunning:send-email:1",
					"dunning:send-sms:1", "dunning:enter-step:1", "dunning:leave-step:1", "dunning:business-days:1",
					"dunning:enter-step:1", "io.camunda.zeebe:userTask");
			assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().startsWith("STEP_"))
				.extracting(h -> h.get("type").asText() + " " + h.get("elementId").asText())
				.containsExactly("STEP_ENTERED Timer_FriendlyReminderDue", "STEP_LEFT Timer_FriendlyReminderDue",
						"STEP_ENTERED Task_SendFriendlyEmail", "STEP_LEFT Task_SendFriendlyEmail",
						"STEP_ENTERED Timer_FormalReminderDue", "STEP_LEFT Timer_FormalReminderDue",
						"STEP_ENTERED Task_SendFormalEmail", "STEP_LEFT Task_SendFormalEmail",
						"STEP_ENTERED Task_SendFormalSms", "STEP_LEFT Task_SendFormalSms",
						"STEP_ENTERED Timer_CourtesyCallDue", "STEP_LEFT Timer_CourtesyCallDue",
						"STEP_ENTERED Task_CourtesyCall");
		}
	}

	private static List<String> jobsCreated(long instance) {
		return records(ValueType.JOB).stream()
			.filter(r -> r.getIntent() == JobIntent.CREATED)
			.map(r -> (JobRecordValue) r.getValue())
			.filter(job -> job.getProcessInstanceKey() == instance)
			.map(JobRecordValue::getType)
			.toList();
	}

	private static Map<String, String> remote(Map<String, String> extra) {
		Map<String, String> properties = AppInstance.remote(database, cluster.getGatewayAddress(),
				"ADMIN,INTEGRATOR,AUDITOR,COLLECTOR,MANAGER");
		properties.putAll(extra);
		return properties;
	}

	private static Dunning dunning(AppInstance app) {
		int port = app.dunning().port();
		return new Dunning(port) {
			@Override
			public io.dunning.Api as(String user) {
				return new io.dunning.Api(port, "ops", "s3cret");
			}
		};
	}

	/** As if the start had been claimed ten minutes ago: old enough for the sweep to take it again. */
	private static void backdateClaim(AppInstance app, String number) {
		app.bean(JdbcClient.class)
			.sql("UPDATE dunning_case SET claimed_at = ? WHERE invoice_number = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), number)
			.update();
	}

	private static Long bound(AppInstance app, String number) {
		return app.bean(JdbcClient.class)
			.sql("SELECT process_instance_key FROM dunning_case WHERE invoice_number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	/** The instances of this invoice that the engine has activated and not yet ended, from its record stream. */
	static List<Long> liveInstances(String number) {
		Set<Long> ofInvoice = new HashSet<>();
		List<Long> live = new ArrayList<>();
		for (Record<?> record : cluster.getRecordStreamSource().getRecords()) {
			if (record.getValueType() == ValueType.VARIABLE && record.getValue() instanceof VariableRecordValue variable
					&& variable.getName().equals("invoiceNumber") && variable.getValue().equals("\"" + number + "\"")) {
				ofInvoice.add(variable.getProcessInstanceKey());
			}
			if (record.getValueType() == ValueType.PROCESS_INSTANCE
					&& record.getValue() instanceof ProcessInstanceRecordValue element
					&& element.getBpmnElementType() == BpmnElementType.PROCESS) {
				if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
					live.add(element.getProcessInstanceKey());
				}
				else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
						|| record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
					live.remove(element.getProcessInstanceKey());
				}
			}
		}
		live.retainAll(ofInvoice);
		return live;
	}

	private static List<JobRecordValue> failedListenerJobs(long instance) {
		return records(ValueType.JOB).stream()
			.filter(r -> r.getIntent() == JobIntent.FAILED)
			.map(r -> (JobRecordValue) r.getValue())
			.filter(job -> job.getProcessInstanceKey() == instance && job.getType().startsWith("dunning:")
					&& job.getType().contains("-step:"))
			.toList();
	}

	private static List<Record<?>> records(ValueType type) {
		List<Record<?>> matching = new ArrayList<>();
		cluster.getRecordStreamSource().getRecords().forEach(r -> {
			if (r.getValueType() == type) {
				matching.add(r);
			}
		});
		return matching;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
