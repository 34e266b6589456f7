package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.dunning.escalation.cases.Cases;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The main paths in remote mode, on an engine the application does not assemble (the test engine's stock factory,
 * standing in for a cluster): the app reaches it through the Camunda client alone, so these paths do not depend on the
 * embedded assembly, and it can one day be replaced with this as the proof. A cluster's clock cannot be moved from the
 * app; the test moves the engine's own clock, ahead of the app's, so every timer the app computed falls due. Each
 * test has an engine of its own, whose clock no other test has moved.
 */
@RequiresDatabase
class RemoteModePathsTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private ZeebeTestEngine cluster;

	private AppInstance app;

	private Dunning dunning;

	@BeforeEach
	void start() throws IOException {
		cluster = EngineFactory.create(freePort());
		cluster.start();
		app = AppInstance.start(remoteWithTeam(TestDatabase.fresh("remote_paths"), cluster.getGatewayAddress()));
		dunning = new Dunning(app.dunning().port()) {
			@Override
			public void advance(String duration) {
				cluster.increaseTime(Duration.parse(duration));
			}
		};
	}

	@AfterEach
	void stop() {
		if (app != null) {
			app.close();
		}
		if (cluster != null) {
			cluster.stop();
		}
	}

	@Test
	void friendlyEmailToCallToNoticeToHandoff() throws IOException {
		String number = reachCourtesyCall("R-LEGAL");
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CourtesyCall"), Map.of("outcome", "NO_ANSWER"));
		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ApproveFormalNotice"),
				Map.of("approved", true, "comment", "Relances sans effet"));
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CompletePostalAddress"),
				Map.of("addressLine1", "3 place du Marché", "postcode", "69002", "city", "Lyon", "country", "FR"));
		await().atMost(PATIENCE).until(() -> sends(number).contains("LETTER Task_SendFormalNotice"));

		dunning.advance("P12D");
		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ApproveLegalHandoff"), Map.of("approved", true));

		dunning.awaitCaseStatus(number, "HANDED_OVER");
		assertThat(sends(number)).containsExactly("EMAIL Task_SendFriendlyEmail", "EMAIL Task_SendFormalEmail",
				"SMS Task_SendFormalSms", "EMAIL Task_SendFormalNotice", "LETTER Task_SendFormalNotice");
		assertThat(Files.readAllBytes(Path.of("target/handoff", number, "mise-en-demeure.pdf")))
			.startsWith("%PDF".getBytes());
		assertThat(types(number)).contains("CASE_OPENED", "NOTICE_ISSUED", "DOSSIER_EXPORTED", "CASE_CLOSED");
	}

	@Test
	void aPaymentStopsThePathAndItsOpenTask() {
		String number = reachCourtesyCall("R-PAID");

		dunning.pay(number, "900.00");

		dunning.awaitCaseStatus(number, "PAID");
		await().atMost(PATIENCE).until(() -> dunning.openTasks(number).isEmpty());
		// Nothing is left on the cluster that could send.
		long instance = app.bean(Cases.class).findByInvoice(number).orElseThrow().processInstanceKey();
		await().atMost(PATIENCE).until(() -> instanceEnded(instance));
	}

	/** The engine answers NOT_FOUND for an instance that has ended. */
	private boolean instanceEnded(long instance) {
		try {
			app.bean(CamundaClient.class).newSetVariablesCommand(instance).variables(Map.of("probe", 1)).send().join();
			return false;
		}
		catch (ClientStatusException e) {
			return e.getStatusCode() == Status.Code.NOT_FOUND;
		}
	}

	@Test
	void aDisputeHoldsThePathUntilAManagerResolvesIt() {
		String number = friendlyEmailSent("R-DISP");
		assertThat(dunning.as("integrator").post("/api/invoices/" + number + "/disputes",
				Map.of("reason", "QUALITY", "comment", "Pièces défectueuses")).status()).isEqualTo(201);
		JsonNode resolution = dunning.awaitOpenTask(number, "Task_ResolveDispute");

		dunning.complete("manager", resolution, Map.of("resolution", "IN_OUR_FAVOUR", "comment", "Pièces conformes"));

		await().atMost(PATIENCE).until(() -> types(number).contains("PATH_RESUMED"));
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(types(number)).contains("DISPUTE_RAISED", "PATH_HELD", "DISPUTE_RESOLVED");
	}

	@Test
	void aBlockHoldsThePathAndLiftingItResumesIt() {
		String number = friendlyEmailSent("R-BLOCK");
		Api.Response block = dunning.as("manager").post("/api/blocks", Map.of("invoiceNumber", number, "reason",
				"Attente de l'assureur", "expiresOn", dunning.today().plusDays(30).toString()));
		assertThat(block.status()).as(block.text()).isEqualTo(201);
		dunning.awaitStep(number, "Task_AwaitBlockLifted");
		// Past the formal reminder's date while held.
		dunning.advance("P15D");

		assertThat(dunning.as("manager").delete("/api/blocks/" + block.body().get("id").asLong()).status())
			.isEqualTo(204);

		await().atMost(PATIENCE).until(() -> types(number).contains("PATH_RESUMED"));
		assertThat(types(number)).contains("BLOCK_SET", "PATH_HELD", "BLOCK_LIFTED");
		// Resumed past the formal reminder's date, the path sends it now.
		await().atMost(PATIENCE).until(() -> sends(number).contains("SMS Task_SendFormalSms"));
		assertThat(sends(number)).containsExactly("EMAIL Task_SendFriendlyEmail", "EMAIL Task_SendFormalEmail",
				"SMS Task_SendFormalSms");
	}

	private String friendlyEmailSent(String prefix) {
		String number = dunning.overdueInvoice(prefix, 4, "900.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(sends(number)).containsExactly("EMAIL Task_SendFriendlyEmail");
		return number;
	}

	/**
	 * The app's clock stays behind the engine's here, so a wait the app counts from its own last contact may be over
	 * as soon as it begins: the test waits for what each step sends, never for a wait step.
	 */
	private String reachCourtesyCall(String prefix) {
		String number = dunning.overdueInvoice(prefix, 22, "900.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		dunning.advance("P7D");
		await().atMost(PATIENCE).until(() -> sends(number).contains("SMS Task_SendFormalSms"));
		dunning.advance("P7D");
		dunning.awaitOpenTask(number, "Task_CourtesyCall");
		return number;
	}

	private List<String> sends(String number) {
		return dunning.outbox(number).stream().map(m -> m.get("channel").asText() + " " + m.get("step").asText()).toList();
	}

	private List<String> types(String number) {
		return dunning.history(number).stream().map(h -> h.get("type").asText()).toList();
	}

	/** Remote mode has no demo users: the team is configured, as an operator would, with the demo's names. */
	private static Map<String, String> remoteWithTeam(Map<String, String> database, String gatewayAddress) {
		Map<String, String> properties = new HashMap<>(AppInstance.remote(database, gatewayAddress, "ADMIN"));
		String[][] team = { { "admin", "ADMIN", "" }, { "manager", "MANAGER", "managers,collectors,senior-collectors" },
				{ "collector", "COLLECTOR", "collectors" }, { "auditor", "AUDITOR", "" },
				{ "integrator", "INTEGRATOR", "" } };
		for (int i = 0; i < team.length; i++) {
			String user = "dunning.security.users[" + (i + 1) + "].";
			properties.put(user + "username", team[i][0]);
			properties.put(user + "password", "{noop}demo");
			properties.put(user + "roles", team[i][1]);
			if (!team[i][2].isEmpty()) {
				properties.put(user + "groups", team[i][2]);
			}
		}
		return properties;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
