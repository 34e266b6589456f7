package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryEntry;
import io.dunning.escalation.CaseClosed;
import io.dunning.escalation.CaseStatus;
import io.dunning.web.BadInputException;
import io.dunning.web.UnavailableException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

class WorklistTest extends IntegrationTest {

	private static final String CALL_PROCESS = "Worklist_CourtesyCall";
	private static final String APPROVAL_PROCESS = "Worklist_NoticeApproval";
	private static final String AFTER_CALL_JOB = "worklist-test:after-call:1";


	@Autowired
	CamundaClient engine;

	@Autowired
	Tasks tasks;

	@Autowired
	CaseHistory history;

	@Autowired
	UserTaskProjection projection;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	TaskAssignment assignment;

	@Autowired
	Forms forms;

	@Autowired
	Clock clock;

	@Autowired
	AnswerBounds bounds;

	@Autowired
	PromiseFollowUp promises;

	@Autowired
	ObjectMapper json;

	private final String invoice = "WL-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void deployTestDiagrams() {
		engine.newDeployResourceCommand()
			.addResourceFromClasspath("worklist/worklist-call.bpmn")
			.addResourceFromClasspath("worklist/worklist-approval.bpmn")
			.send()
			.join();
	}

	@Test
	void aCourtesyCallIsListedClaimedAndCompletedAndTheCaseMovesOn() {
		long instance = start(CALL_PROCESS);
		JsonNode task = awaitOpenTask();
		assertThat(task.properties()).extracting(Map.Entry::getKey)
			.containsExactly("id", "invoiceNumber", "elementId", "formId", "candidateGroup", "assignee", "dueAt",
					"slaPassedAt");
		assertThat(task.get("elementId").asText()).isEqualTo("Task_CourtesyCall");
		assertThat(task.get("formId").asText()).isEqualTo("courtesy-call");
		assertThat(task.get("candidateGroup").asText()).isEqualTo("collectors");
		assertThat(task.get("assignee").isNull()).isTrue();
		assertThat(task.get("dueAt").asText()).isEqualTo("2026-12-01T08:00:00Z");
		String id = task.get("id").asText();

		Api collector = as("collector");
		assertThat(collector.post("/api/tasks/" + id + "/claim", "").body().get("assignee").asText())
			.isEqualTo("collector");
		assertThat(collector.post("/api/tasks/" + id + "/claim", "").status()).isEqualTo(200);
		assertThat(as("manager").post("/api/tasks/" + id + "/claim", "").status()).isEqualTo(409);

		Api.Response noDate = collector.post("/api/tasks/" + id + "/complete",
				Map.of("variables", Map.of("outcome", "PROMISE_TO_PAY")));
		assertThat(noDate.status()).isEqualTo(400);
		assertThat(noDate.contentType()).startsWith("application/problem+json");
		assertThat(noDate.body().at("/errors/0/field").asText()).isEqualTo("promisedDate");
		assertThat(openTasks()).hasSize(1);

		assertThat(collector.post("/api/tasks/" + id + "/complete", promise()).status()).isEqualTo(204);

		ActivatedJob next = awaitJob(AFTER_CALL_JOB, instance);
		assertThat(next.getVariablesAsMap()).containsEntry("outcome", "PROMISE_TO_PAY")
			.containsEntry("promisedDate", promisedDate());
		assertThat(openTasks()).isEmpty();
		assertThat(tasksIn("COMPLETED")).hasSize(1);
		assertThat(history.of(invoice)).extracting(HistoryEntry::type)
			.containsExactly("TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED");
		assertThat(history.of(invoice).get(2).actor()).isEqualTo("collector");
		assertThat(history.of(invoice).get(2).details()).containsEntry("outcome", "PROMISE_TO_PAY");
	}

	@Test
	void onlyTheCandidateGroupWorksATaskAndCompletingClaimsIt() {
		start(APPROVAL_PROCESS);
		String id = awaitOpenTask().get("id").asText();

		Api.Response refused = as("collector").post("/api/tasks/" + id + "/claim", "");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("detail").asText()).contains("managers");
		assertThat(as("collector").post("/api/tasks/" + id + "/complete", Map.of("variables", Map.of("approved", true)))
			.status()).isEqualTo(403);

		Api.Response bad = as("manager").post("/api/tasks/" + id + "/complete",
				Map.of("variables", Map.of("approved", "yes", "amount", 100)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("approved", "amount");
		assertThat(openTasks()).singleElement().satisfies(task -> assertThat(task.get("assignee").isNull()).isTrue());
		assertThat(history.of(invoice)).extracting(HistoryEntry::type).containsExactly("TASK_CREATED");

		assertThat(as("manager").post("/api/tasks/" + id + "/complete", Map.of("variables", Map.of("approved", false)))
			.status()).isEqualTo(204);
		assertThat(history.of(invoice)).extracting(HistoryEntry::type, HistoryEntry::actor)
			.containsExactly(tuple("TASK_CREATED", "system"),
					tuple("TASK_CLAIMED", "manager"),
					tuple("TASK_COMPLETED", "manager"));
	}

	@Test
	void aRecreatedInstanceRefreshesTheOpenTaskAndKeepsItsClaim() {
		start(CALL_PROCESS);
		String id = awaitOpenTask().get("id").asText();
		assertThat(as("collector").post("/api/tasks/" + id + "/claim", "").status()).isEqualTo(200);
		long firstJob = storedTask().jobKey();

		// What rehydration does after a restart: a fresh instance, before the same step, for the same case.
		long second = start(CALL_PROCESS);
		await().atMost(Duration.ofSeconds(20)).until(() -> storedTask().jobKey() != firstJob);

		assertThat(openTasks()).singleElement().satisfies(task -> {
			assertThat(task.get("id").asText()).isEqualTo(id);
			assertThat(task.get("assignee").asText()).isEqualTo("collector");
		});
		assertThat(history.of(invoice)).extracting(HistoryEntry::type).containsOnlyOnce("TASK_CREATED");
		assertThat(as("collector").post("/api/tasks/" + id + "/complete", promise()).status()).isEqualTo(204);
		assertThat(awaitJob(AFTER_CALL_JOB, second).getProcessInstanceKey()).isEqualTo(second);
	}

	@Test
	void theSameJobDeliveredTwiceIsOneTask() {
		ActivatedJob job = mock(ActivatedJob.class);
		when(job.getKey()).thenReturn(2251799813685249L);
		when(job.getProcessInstanceKey()).thenReturn(2251799813685240L);
		when(job.getElementId()).thenReturn("Task_CourtesyCall");
		when(job.getCustomHeaders()).thenReturn(Map.of(UserTaskJob.FORM_KEY, "courtesy-call",
				UserTaskJob.CANDIDATE_GROUPS, "[\"collectors\"]"));

		projection.project(job, invoice);
		projection.project(job, invoice);

		assertThat(openTasks()).hasSize(1);
		assertThat(history.of(invoice)).extracting(HistoryEntry::type).containsExactly("TASK_CREATED");
	}

	@Test
	void completingATaskWhoseInstanceEndedIsAConflictAndCancelsTheTask() {
		long instance = start(CALL_PROCESS);
		String id = awaitOpenTask().get("id").asText();
		engine.newCancelInstanceCommand(instance).send().join();

		Api.Response response = as("collector").post("/api/tasks/" + id + "/complete", promise());

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.body().get("detail").asText()).contains("cancelled");
		assertThat(tasksIn("CANCELLED")).singleElement()
			.satisfies(task -> assertThat(task.get("id").asText()).isEqualTo(id));
		assertThat(history.of(invoice)).extracting(HistoryEntry::type)
			.containsExactly("TASK_CREATED", "TASK_CLAIMED", "TASK_CANCELLED");
	}

	@Test
	void aClosedCaseCancelsItsOpenTasks() {
		start(CALL_PROCESS);
		awaitOpenTask();

		transaction.executeWithoutResult(status -> events.publishEvent(new CaseClosed(invoice, CaseStatus.PAID)));

		await().atMost(Duration.ofSeconds(20)).until(() -> openTasks().isEmpty());
		assertThat(tasksIn("CANCELLED")).hasSize(1);
		assertThat(history.of(invoice)).extracting(HistoryEntry::type)
			.containsExactly("TASK_CREATED", "TASK_CANCELLED");
	}

	@Test
	void aPromisedDateBeyondAYearIsRefusedNamingTheField() {
		start(CALL_PROCESS);
		String id = awaitOpenTask().get("id").asText();

		Api.Response response = as("collector").post("/api/tasks/" + id + "/complete",
				Map.of("variables", Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", "9999-12-30")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("promisedDate");
		assertThat(response.body().at("/errors/0/message").asText()).startsWith("must be between");
		assertThat(openTasks()).hasSize(1);
	}

	@Test
	void aPlanWhoseInstalmentsWouldRoundToNothingIsRefused() {
		String small = new Dunning(port).overdueInvoice("WL", 1, "0.10");
		String firstDate = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(10).toString();

		BadInputException refused = catchThrowableOfType(BadInputException.class, () -> bounds.check(
				forms.get("payment-plan"), small, Map.of("agreed", true, "instalmentCount", 11L,
						"firstInstalmentDate", firstDate)));

		assertThat(refused.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("instalmentCount");
			assertThat(error.message()).contains("0.00").contains("at most 10");
		});
		bounds.check(forms.get("payment-plan"), small, Map.of("agreed", true, "instalmentCount", 10L,
				"firstInstalmentDate", firstDate));
	}

	@Test
	void aCollectorListsOnlyTheirGroupsTasksThroughTheApi() {
		start(APPROVAL_PROCESS);
		awaitOpenTask();

		assertThat(as("collector").get("/api/tasks?invoiceNumber=" + invoice).body()).isEmpty();
		assertThat(as("manager").get("/api/tasks?invoiceNumber=" + invoice).body()).hasSize(1);
	}

	@Test
	void aUserTaskJobForAClosedCaseListsNoTask() {
		Dunning dunning = new Dunning(port);
		String paid = dunning.overdueInvoice("WL", 1, "120.00");
		dunning.awaitCaseStatus(paid, "OPEN");
		dunning.pay(paid, "120.00");
		dunning.awaitCaseStatus(paid, "PAID");

		// A job activated late, or redelivered, for a case that has closed meanwhile.
		projection.project(userTaskJob(), paid);

		assertThat(tasks.find(Optional.of(paid), Optional.empty())).isEmpty();
		assertThat(history.of(paid)).extracting(HistoryEntry::type).doesNotContain("TASK_CREATED");
	}

	@Test
	void aCompletionWhoseAnswerWasLostIsFinishedByTheRetry(@Value("${camunda.client.grpc-address}") URI gateway) {
		long instance = start(CALL_PROCESS);
		String id = awaitOpenTask().get("id").asText();
		Actor collector = new Actor("collector", Set.of("collectors"));
		try (CamundaClient losingAnswers = CamundaClient.newClientBuilder()
			.grpcAddress(gateway)
			.restAddress(URI.create("http://127.0.0.1:1"))
			.preferRestOverGrpc(false)
			.withInterceptors(new AnswerLostAfterCompletion())
			.build()) {
			TaskCompletion timingOut = new TaskCompletion(tasks, assignment, forms, history, losingAnswers, transaction,
					clock, json, bounds, promises);

			assertThatThrownBy(() -> timingOut.complete(new TaskId(Long.parseLong(id)), collector,
					json.valueToTree(promise().get("variables"))))
				.isInstanceOf(UnavailableException.class);
		}
		awaitJob(AFTER_CALL_JOB, instance);
		assertThat(tasksIn("COMPLETING")).hasSize(1);

		Api.Response retry = as("collector").post("/api/tasks/" + id + "/complete", promise());

		assertThat(retry.status()).as(retry.text()).isEqualTo(204);
		assertThat(tasksIn("COMPLETED")).hasSize(1);
		assertThat(history.of(invoice)).extracting(HistoryEntry::type)
			.containsExactly("TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED");
	}

	/** The broker completes the job, then the answer is lost on its way back, as in a timeout. */
	private static final class AnswerLostAfterCompletion implements ClientInterceptor {

		@Override
		public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
			ClientCall<Q, R> call = next.newCall(method, options);
			if (!method.getFullMethodName().endsWith("/CompleteJob")) {
				return call;
			}
			return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
				@Override
				public void start(Listener<R> listener, Metadata headers) {
					super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
						@Override
						public void onMessage(R message) {
						}

						@Override
						public void onClose(Status status, Metadata trailers) {
							super.onClose(Status.DEADLINE_EXCEEDED.withDescription("answer lost"), trailers);
						}
					}, headers);
				}
			};
		}

	}

	private ActivatedJob userTaskJob() {
		ActivatedJob job = mock(ActivatedJob.class);
		when(job.getKey()).thenReturn(2251799813685249L);
		when(job.getProcessInstanceKey()).thenReturn(2251799813685240L);
		when(job.getElementId()).thenReturn("Task_CourtesyCall");
		when(job.getCustomHeaders()).thenReturn(Map.of(UserTaskJob.FORM_KEY, "courtesy-call",
				UserTaskJob.CANDIDATE_GROUPS, "[\"collectors\"]"));
		return job;
	}

	@Test
	void anUnknownStateIsAProblemNamingTheFilter() {
		Api.Response response = as("auditor").get("/api/tasks?state=DONE");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("state");
	}

	// A week ahead of the application's clock, which other tests may have moved forward.
	private Map<String, Object> promise() {
		return Map.of("variables", Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", promisedDate(), "note",
				"paiera vendredi"));
	}

	private String promisedDate() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(7).toString();
	}

	private long start(String processId) {
		return engine.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("invoiceNumber", invoice))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private JsonNode awaitOpenTask() {
		await().atMost(Duration.ofSeconds(20)).until(() -> openTasks().size() == 1);
		return openTasks().getFirst();
	}

	private List<JsonNode> openTasks() {
		return tasksIn("OPEN");
	}

	private List<JsonNode> tasksIn(String state) {
		Api.Response response = as("auditor").get("/api/tasks?invoiceNumber=" + invoice + "&state=" + state);
		assertThat(response.status()).isEqualTo(200);
		return response.body().valueStream().toList();
	}

	private Task storedTask() {
		return tasks.find(Optional.of(invoice), Optional.of(TaskState.OPEN)).getFirst();
	}

	// Activates jobs of the type until one of this instance turns up: the proof that the instance moved on.
	private ActivatedJob awaitJob(String type, long instance) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> engine.newActivateJobsCommand()
				.jobType(type)
				.maxJobsToActivate(10)
				.send()
				.join()
				.getJobs()
				.stream()
				.filter(job -> job.getProcessInstanceKey() == instance)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

}
