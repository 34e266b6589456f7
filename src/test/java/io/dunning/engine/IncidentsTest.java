package io.dunning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.dunning.Api;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A job whose retries run out is an incident the managers see, and retry. */
class IncidentsTest extends IntegrationTest {

	@Autowired
	CamundaClient engine;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anIncidentIsListedForManagersAndTheirRetryRunsTheStepAgain() {
		String jobType = "dunning-test:flaky-" + run;
		engine.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess("Incident_" + run).startEvent()
				.serviceTask("Task_Flaky", t -> t.zeebeJobType(jobType)).endEvent().done(), "incident-" + run + ".bpmn")
			.send().join();
		long instance = engine.newCreateInstanceCommand().bpmnProcessId("Incident_" + run).latestVersion().send().join()
			.getProcessInstanceKey();
		ActivatedJob job = activate(jobType);
		engine.newFailCommand(job).retries(0).errorMessage("provider down " + run).send().join();

		JsonNode incident = await().atMost(Duration.ofSeconds(20)).until(() -> listed("provider down " + run),
				found -> found != null);
		assertThat(incident.get("processInstanceKey").asLong()).isEqualTo(instance);
		assertThat(incident.get("elementId").asText()).isEqualTo("Task_Flaky");
		assertThat(incident.get("incidentKey").isNull()).isFalse();
		assertThat(as("admin").get("/api/incidents").status()).isEqualTo(200);
		assertThat(as("collector").get("/api/incidents").status()).isEqualTo(403);
		long id = incident.get("id").asLong();
		assertThat(as("admin").post("/api/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(403);

		String page = as("manager").get("/incidents").text();
		assertThat(page).contains("provider down " + run).contains("/incidents/" + id + "/retry");
		assertThat(as("admin").get("/incidents").text()).contains("provider down " + run)
			.doesNotContain("/incidents/" + id + "/retry");

		assertThat(as("manager").post("/api/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(204);

		ActivatedJob again = activate(jobType);
		assertThat(again.getKey()).isEqualTo(job.getKey());
		engine.newCompleteCommand(again).send().join();
		assertThat(listed("provider down " + run)).isNull();
		assertThat(as("manager").post("/api/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aWorkerThatGivesUpOnAJobListsItWithItsInvoice() {
		String invoice = "INC-" + run;
		engine.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess("Incident_Worker_" + run).startEvent()
				.serviceTask("Task_NoHeader", t -> t.zeebeJobType("dunning:sla-breached:1")).endEvent().done(),
					"incident-worker-" + run + ".bpmn")
			.send().join();

		engine.newCreateInstanceCommand().bpmnProcessId("Incident_Worker_" + run).latestVersion()
			.variables(Map.of("invoiceNumber", invoice, "caseId", 0)).send().join();

		JsonNode incident = await().atMost(Duration.ofSeconds(20))
			.until(() -> listed(invoice), found -> found != null && !found.get("incidentKey").isNull());
		assertThat(incident.get("elementId").asText()).isEqualTo("Task_NoHeader");
		assertThat(incident.get("message").asText()).contains("has no 'task' header");
	}

	private ActivatedJob activate(String jobType) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> engine.newActivateJobsCommand().jobType(jobType)
			.maxJobsToActivate(1).timeout(Duration.ofMinutes(5)).send().join().getJobs(), jobs -> !jobs.isEmpty())
			.getFirst();
	}

	/** The open incident whose message or invoice holds the text, or null. */
	private JsonNode listed(String text) {
		Api.Response response = as("manager").get("/api/incidents");
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> open = response.body().findParents("id");
		return open.stream()
			.filter(i -> i.get("message").asText().contains(text) || text.equals(i.path("invoiceNumber").asText()))
			.findFirst().orElse(null);
	}

}
