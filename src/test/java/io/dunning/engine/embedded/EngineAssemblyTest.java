package io.dunning.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.dunning.engine.EngineIncidentRaised;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded engine's own assembly: loopback only, steps that do not slow down with open cases, a bounded log. */
class EngineAssemblyTest {

	/** Open cases wait on a timer under a message event subprocess, as a dunning case does; probes run one job. */
	private static final BpmnModelInstance CASES = Bpmn.createExecutableProcess("cases")
		.eventSubProcess("Sub_Stop", sub -> sub.startEvent("Start_Stop")
			.interrupting(true)
			.message(message -> message.name("Stop").zeebeCorrelationKeyExpression("caseId"))
			.endEvent("End_Stopped"))
		.startEvent("Start")
		.exclusiveGateway("Gw_Kind")
		.conditionExpression("=probe")
		.serviceTask("Task_Step", task -> task.zeebeJobType("step"))
		.endEvent("End_Probe")
		.moveToLastGateway()
		.conditionExpression("=not(probe)")
		.intermediateCatchEvent("Timer_Wait", timer -> timer.timerWithDuration("P30D"))
		.endEvent("End_Waited")
		.done();

	/** Ten reminders in one instance, each a wait on the same timer, so that a ledger's worth is quick to open. */
	private static final BpmnModelInstance REMINDERS = tenTimers();

	private EngineAssembly engine;

	private CamundaClient client;

	private JobWorker worker;

	@AfterEach
	void stop() {
		if (worker != null) {
			worker.close();
		}
		if (client != null) {
			client.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	@Test
	void theGatewayAnswersOnLoopbackAndIsNotReachableOnAnotherAddress() throws IOException {
		InetAddress other = nonLoopbackAddress()
			.orElse(null);
		Assumptions.assumeTrue(other != null, "this machine has no non-loopback address");
		try (ServerSocket control = new ServerSocket(0, 1, null)) {
			// The probe can reach this machine on the other address at all: a wildcard listener answers there.
			assertThat(reachable(other, control.getLocalPort())).isTrue();
		}
		start();

		assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
		assertThat(reachable(InetAddress.getLoopbackAddress(), engine.port())).isTrue();
		assertThat(reachable(other, engine.port())).isFalse();
	}

	/** A figure, not a check of the default suite: it runs with the benchmarks (-Pbench). */
	@Test
	@Tag("bench")
	void aStepTakesAboutAsLongWith5000OpenCasesAsWith100() {
		start();
		openCases(100);
		stepMillis(40);
		double with100 = stepMillis(60);

		openCases(4_900);
		double with5000 = stepMillis(60);

		LoggerFactory.getLogger(EngineAssemblyTest.class).info("Median step: {} ms with 100 open cases, {} ms with 5 000",
				with100, with5000);
		// The test engine's own store took about fifty times longer at 5 000 open cases; a real store stays flat.
		// The bound is generous because the machine is shared and the two medians are taken a minute apart.
		assertThat(with5000 / with100).as("median step %.1f ms with 5 000 open vs %.1f ms with 100", with5000, with100)
			.isLessThan(4.0);
	}

	@Test
	void everyRecordAskedForReachesTheTapAndTheLogThenDropsIt() {
		start();
		Set<Long> completed = ConcurrentHashMap.newKeySet();
		Set<ValueType> seen = ConcurrentHashMap.newKeySet();
		engine.addRecordListener(Set.of(ValueType.PROCESS_INSTANCE), record -> {
			seen.add(record.getValueType());
			if (record.getValueType() == ValueType.PROCESS_INSTANCE
					&& record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
					&& ((ProcessInstanceRecordValue) record.getValue()).getBpmnElementType() == BpmnElementType.PROCESS) {
				completed.add(record.getKey());
			}
		});
		List<Long> instances = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			instances.add(probe(i));
		}
		openCases(300);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(completed).containsAll(instances));
		assertThat(seen).as("the jobs of those instances were in the log too, but not asked for").containsOnly(
				ValueType.PROCESS_INSTANCE);
		// What the engine processed and the tap read is dropped; only the last few blocks stay.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.logSize().retainedBlocks()).isLessThan(20));
		assertThat(engine.logSize().appendedBlocks()).isGreaterThan(1_000);
	}

	@Test
	void aBurstBeyondTheLogsHeapBudgetSpillsToDiskAndEveryCaseStillRuns() {
		start(EngineAssembly.start(0, 32 << 10, 128 << 10));
		Set<Long> completed = ConcurrentHashMap.newKeySet();
		engine.addRecordListener(Set.of(ValueType.PROCESS_INSTANCE), record -> {
			if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
					&& ((ProcessInstanceRecordValue) record.getValue()).getBpmnElementType() == BpmnElementType.PROCESS) {
				completed.add(record.getKey());
			}
		});
		List<Long> instances = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			instances.add(probe(i));
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(completed).containsAll(instances));
		assertThat(engine.logSize().spilledBlocks()).as("blocks written to disk").isPositive();
		// Once the engine and the tap have read them, the spilled blocks go, and their files with them.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(engine.logSize().retainedBlocks()).isLessThan(20);
			assertThat(engine.logSize().segmentFiles()).isLessThanOrEqualTo(1);
			assertThat(engine.logSize().recordsBehind()).isLessThan(20);
		});
	}

	@Test
	void thousandsOfTimersDueAtOnceAreEachTriggeredOnce() {
		start();
		client.newDeployResourceCommand().addProcessModel(REMINDERS, "reminders.bpmn").send().join();
		AtomicInteger timersCreated = new AtomicInteger();
		AtomicInteger triggers = new AtomicInteger();
		AtomicInteger rejections = new AtomicInteger();
		Set<Long> completed = ConcurrentHashMap.newKeySet();
		engine.addRecordListener(Set.of(ValueType.TIMER, ValueType.PROCESS_INSTANCE), record -> {
			if (record.getIntent() == TimerIntent.CREATED) {
				timersCreated.incrementAndGet();
			}
			else if (record.getIntent() == TimerIntent.TRIGGER && record.getRecordType() == RecordType.COMMAND) {
				triggers.incrementAndGet();
			}
			else if (record.getRecordType() == RecordType.COMMAND_REJECTION) {
				rejections.incrementAndGet();
			}
			else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
					&& ((ProcessInstanceRecordValue) record.getValue()).getBpmnElementType() == BpmnElementType.PROCESS) {
				completed.add(record.getKey());
			}
		});
		int instances = 2_000;
		int timers = instances * 10;
		Semaphore inFlight = new Semaphore(64);
		for (int i = 0; i < instances; i++) {
			inFlight.acquireUninterruptibly();
			client.newCreateInstanceCommand().bpmnProcessId("reminders").latestVersion().send()
				.whenComplete((created, failure) -> inFlight.release());
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> timersCreated.get() == timers);

		engine.increaseTime(Duration.ofHours(2));

		// An instance ends after its last timer's TRIGGER is processed, and a duplicate TRIGGER can only be written
		// while its timer waits; so once every instance has ended, every TRIGGER is counted. Without the cache of
		// pending commands, this wrote 878 515: every 100 ms, again each timer whose TRIGGER was unprocessed.
		await().atMost(Duration.ofMinutes(3)).until(() -> completed.size() == instances);
		assertThat(triggers).as("TRIGGER commands written").hasValue(timers);
		assertThat(rejections).as("commands rejected").hasValue(0);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anIncidentReachesTheIncidentLogThroughTheRecordTap(CapturedOutput output) {
		start();
		List<Object> published = new CopyOnWriteArrayList<>();
		engine.addRecordListener(Set.of(ValueType.INCIDENT), new IncidentTap(published::add));
		worker.close();
		worker = client.newWorker()
			.jobType("step")
			.handler((jobs, job) -> jobs.newFailCommand(job).retries(0).errorMessage("provider down").send())
			.streamEnabled(true)
			.open();
		long instance = client.newCreateInstanceCommand()
			.bpmnProcessId("cases")
			.latestVersion()
			.variables(Map.of("probe", true, "caseId", "failing"))
			.send()
			.join()
			.getProcessInstanceKey();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut())
			.contains("Incident in instance " + instance + " at Task_Step").contains("provider down"));
		assertThat(published).singleElement().isInstanceOfSatisfying(EngineIncidentRaised.class, incident -> {
			assertThat(incident.processInstanceKey()).isEqualTo(instance);
			assertThat(incident.jobKey()).isNotNull();
			assertThat(incident.message()).contains("provider down");
		});
	}

	private void start() {
		start(EngineAssembly.start(0));
	}

	private void start(EngineAssembly started) {
		engine = started;
		client = CamundaClient.newClientBuilder()
			.grpcAddress(URI.create("http://" + engine.address()))
			.restAddress(URI.create("http://127.0.0.1:1"))
			.preferRestOverGrpc(false)
			.defaultRequestTimeout(Duration.ofSeconds(30))
			.build();
		client.newDeployResourceCommand().addProcessModel(CASES, "cases.bpmn").send().join();
		worker = client.newWorker()
			.jobType("step")
			.handler((jobs, job) -> jobs.newCompleteCommand(job).send())
			.streamEnabled(true)
			.open();
	}

	private void openCases(int count) {
		Semaphore inFlight = new Semaphore(64);
		for (int i = 0; i < count; i++) {
			inFlight.acquireUninterruptibly();
			client.newCreateInstanceCommand()
				.bpmnProcessId("cases")
				.latestVersion()
				.variables(Map.of("probe", false, "caseId", "open-" + System.nanoTime()))
				.send()
				.whenComplete((created, failure) -> inFlight.release());
		}
		inFlight.acquireUninterruptibly(64);
	}

	/** Median time of one case's step, end to end: create, the job done by a worker, the instance ended. */
	private double stepMillis(int probes) {
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < probes; i++) {
			long start = System.nanoTime();
			probe(i);
			nanos.add(System.nanoTime() - start);
		}
		Collections.sort(nanos);
		return nanos.get(nanos.size() / 2) / 1_000_000.0;
	}

	private long probe(int i) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId("cases")
			.latestVersion()
			.variables(Map.of("probe", true, "caseId", "probe-" + i))
			.withResult()
			// The figure is a median; one probe slowed by a loaded machine must not end the test.
			.requestTimeout(Duration.ofMinutes(2))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private static BpmnModelInstance tenTimers() {
		AbstractFlowNodeBuilder<?, ?> fork = Bpmn.createExecutableProcess("reminders")
			.startEvent("Start")
			.parallelGateway("Fork");
		for (int i = 0; i < 10; i++) {
			fork = fork.intermediateCatchEvent("Timer_" + i, timer -> timer.timerWithDuration("PT1H"))
				.endEvent("End_" + i)
				.moveToNode("Fork");
		}
		return fork.done();
	}

	private static boolean reachable(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), (int) TimeUnit.SECONDS.toMillis(2));
			return true;
		}
		catch (ConnectException e) {
			return false;
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(EngineAssemblyTest::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException e) {
			return false;
		}
	}

}
