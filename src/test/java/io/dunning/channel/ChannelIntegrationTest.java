package io.dunning.channel;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with Twilio aimed at a local stub and no SendGrid key, so that SMS reach a provider and
 * emails and letters land in the outbox. One stub for every subclass, so that they share one application context.
 */
abstract class ChannelIntegrationTest extends IntegrationTest {

	static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		TWILIO.start();
	}

	@Autowired
	Messenger messenger;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		// A database of its own: this second application context must not restart the shared context's cases.
		registry.add("dunning.test.database-suffix", () -> "_channel");
		registry.add("dunning.sendgrid.api-key", () -> "");
		registry.add("dunning.twilio.account-sid", () -> TwilioSmsGatewayTest.SID);
		registry.add("dunning.twilio.auth-token", () -> "token");
		registry.add("dunning.twilio.from", () -> "+33700000000");
		registry.add("dunning.twilio.host", () -> "localhost:" + TWILIO.port());
		registry.add("dunning.channel.company-name", () -> "Acme SAS");
	}

	@BeforeEach
	void resetTwilio() {
		TWILIO.resetAll();
	}

	/** A case of its own for each test, as the tests share one database. */
	static long newCaseId() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

	record LedgerRow(String status, int attempts, String providerMessageId, String error) {
	}

	LedgerRow ledgerRow(long ledgerId) {
		return jdbc.sql("SELECT status, attempts, provider_message_id, error FROM delivery WHERE id = ?")
			.param(ledgerId)
			.query((rs, n) -> new LedgerRow(rs.getString("status"), rs.getInt("attempts"),
					rs.getString("provider_message_id"), rs.getString("error")))
			.single();
	}

}
