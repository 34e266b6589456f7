package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.junit.jupiter.api.Test;

/**
 * Remote mode talks to an engine it does not own through the standard camunda.client.* properties. Here that engine
 * is a separate in-process engine standing in for a cluster: the app deploys to it and runs cases on it, has no demo
 * users, and refuses to move the clock.
 */
@RequiresDatabase
class RemoteModeTest {

	@Test
	void remoteModeRunsCasesOnTheClusterWithConfiguredUsersAndAFixedClock() throws IOException {
		ZeebeTestEngine cluster = EngineFactory.create(freePort());
		cluster.start();
		Map<String, String> properties = AppInstance.remote(TestDatabase.fresh("remote"), cluster.getGatewayAddress(),
				"ADMIN,INTEGRATOR");
		try (AppInstance app = AppInstance.start(properties)) {
			int port = app.dunning().port();
			Api ops = new Api(port, "ops", "s3cret");

			assertThat(new Api(port, "admin", "demo").get("/api/invoices/ANY").status()).isEqualTo(401);
			assertThat(ops.post("/api/admin/clock/advance", Map.of("duration", "P1D")).status()).isEqualTo(409);
			assertThat(ops.post("/api/admin/clock/advance", Map.of("duration", "PT0S")).status()).isEqualTo(200);

			Dunning dunning = new Dunning(port) {
				@Override
				public Api as(String user) {
					return ops;
				}
			};
			String number = dunning.overdueInvoice("REMOTE", 4, "75.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			assertThat(dunning.outbox(number)).hasSize(1);
		}
		finally {
			cluster.stop();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
