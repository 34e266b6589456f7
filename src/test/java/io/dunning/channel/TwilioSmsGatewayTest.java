package io.dunning.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwilioSmsGatewayTest {

	static final String SID = "ACtest-account";

	static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void theSdkPostsTheFormWithBasicAuth() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0001\",\"status\":\"queued\"}")));

		String id = gateway().send(sms());

		assertThat(id).isEqualTo("SM0001");
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
			.withBasicAuth(new BasicCredentials(SID, "token"))
			.withFormParam("To", equalTo("+33612345678"))
			.withFormParam("From", equalTo("+33700000000"))
			.withFormParam("Body", equalTo("Acme SAS : la facture F-1 reste impayée.")));
	}

	@Test
	void aServiceUnavailableIsOneCallAndAFailureNamingTheStatus() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));

		assertThatThrownBy(() -> gateway().send(sms())).isInstanceOf(DeliveryFailedException.class)
			.hasMessageContaining("HTTP 503");
		twilio.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void anInvalidNumberIsAFailureNamingTwiliosCode() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));

		assertThatThrownBy(() -> gateway().send(sms())).isInstanceOf(DeliveryFailedException.class)
			.hasMessageContaining("21211");
	}

	@Test
	void aHungCallGivesUpAfterTheReadTimeout() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withFixedDelay(10_000)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0002\",\"status\":\"queued\"}")));
		TwilioSmsGateway impatient = TwilioSmsGateway.create(
				new TwilioProperties(SID, "token", "+33700000000", "localhost:" + twilio.getPort()),
				new ChannelProperties.ProviderTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
		long start = System.nanoTime();

		assertThatThrownBy(() -> impatient.send(sms())).isInstanceOf(DeliveryFailedException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		twilio.verify(1, anyRequestedFor(anyUrl()));
	}

	private static TwilioSmsGateway gateway() {
		return TwilioSmsGateway.create(new TwilioProperties(SID, "token", "+33700000000", "localhost:" + twilio.getPort()),
				Contacts.properties("Acme SAS").providerTimeouts());
	}

	private static OutboundMessage sms() {
		return new OutboundMessage(7, Channel.SMS, "+33612345678", null, "Acme SAS : la facture F-1 reste impayée.",
				List.of(), "F-1", "Task_SendFormalSms");
	}

}
