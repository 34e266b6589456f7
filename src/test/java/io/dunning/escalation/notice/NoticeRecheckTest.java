package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A payment may land while the notice goes out. SendGrid is the real SDK against a local server that takes the
 * notice's email while the customer pays: the registered letter must then stay unsent.
 */
@RequiresDatabase
class NoticeRecheckTest {

	private static final String STEP = "Task_SendFormalNotice";

	HttpServer sendGrid;
	AppInstance app;
	Dunning dunning;
	volatile String payOnNoticeOf;

	@BeforeEach
	void start() throws IOException {
		sendGrid = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		sendGrid.createContext("/v3/mail/send", exchange -> {
			String mail = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (payOnNoticeOf != null && mail.contains("Mise en demeure")) {
				dunning.pay(payOnNoticeOf, "820.00");
			}
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		sendGrid.start();
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("recheck"));
		properties.put("dunning.sendgrid.api-key", "SG.test-key");
		properties.put("dunning.sendgrid.host", "localhost:" + sendGrid.getAddress().getPort());
		app = AppInstance.start(properties);
		dunning = app.dunning();
	}

	@AfterEach
	void stop() {
		app.close();
		sendGrid.stop(0);
	}

	@Test
	void aPaymentDuringTheNoticeEmailStopsTheRegisteredLetter() {
		String number = dunning.overdueInvoice("RECHECK", 40, "820.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		app.bean(JdbcClient.class).sql("""
				UPDATE customer SET address_line1 = '3 place du Marché', postcode = '69002', city = 'Lyon'
				WHERE external_id = ?
				""").param("C-" + number).update();
		payOnNoticeOf = number;

		FormalNotices.Outcome outcome = app.bean(FormalNotices.class).issue(number, STEP);

		assertThat(outcome).isEqualTo(new FormalNotices.Outcome.CaseOver());
		assertThat(dunning.outbox(number)).noneMatch(m -> m.get("step").asText().equals(STEP));
		assertThat(dunning.history(number)).noneMatch(h -> h.get("type").asText().equals("NOTICE_ISSUED"));
		dunning.awaitCaseStatus(number, "PAID");
	}

}
