package io.dunning.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SendGridEmailGatewayTest {

	@RegisterExtension
	static WireMockExtension sendGrid = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final byte[] pdf = "%PDF-1.7 notice".getBytes(StandardCharsets.US_ASCII);

	@Test
	void theSdkPostsTheMailWithItsAttachmentAndTheApiKey() {
		sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-1")));

		String id = gateway().send(message(List.of(new Attachment("mise-en-demeure.pdf", "application/pdf", pdf))));

		assertThat(id).isEqualTo("sg-1");
		sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send"))
			.withHeader("Authorization", equalTo("Bearer SG.test-key"))
			.withRequestBody(matchingJsonPath("$.from.email", equalTo("relances@acme.example")))
			.withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo("compta@dupont.example")))
			.withRequestBody(matchingJsonPath("$.subject", equalTo("Mise en demeure de payer : facture F-1")))
			.withRequestBody(matchingJsonPath("$.content[0].type", equalTo("text/plain")))
			.withRequestBody(matchingJsonPath("$.content[0].value", equalTo("Madame, Monsieur, ...")))
			.withRequestBody(matchingJsonPath("$.custom_args.ledgerId", equalTo("42")))
			.withRequestBody(matchingJsonPath("$.attachments[0].filename", equalTo("mise-en-demeure.pdf")))
			.withRequestBody(matchingJsonPath("$.attachments[0].type", equalTo("application/pdf")))
			.withRequestBody(matchingJsonPath("$.attachments[0].disposition", equalTo("attachment")))
			.withRequestBody(matchingJsonPath("$.attachments[0].content",
					equalTo(Base64.getEncoder().encodeToString(pdf)))));
	}

	@Test
	void aServerErrorIsAFailureAlthoughTheSdkDoesNotThrow() {
		sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(500).withBody("{\"errors\":[]}")));

		assertThatThrownBy(() -> gateway().send(message(List.of()))).isInstanceOf(DeliveryFailedException.class)
			.hasMessageContaining("500");
		sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send")));
	}

	@Test
	void aRejectedRequestIsAFailureToo() {
		sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(401)));

		assertThatThrownBy(() -> gateway().send(message(List.of()))).isInstanceOf(DeliveryFailedException.class)
			.hasMessageContaining("401");
	}

	@Test
	void aHungCallGivesUpAfterTheReadTimeoutLongBeforeTheInFlightGuard() {
		sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withFixedDelay(10_000)));
		SendGridEmailGateway impatient = SendGridEmailGateway.create(new SendGridProperties("SG.test-key",
				"relances@acme.example", "localhost:" + sendGrid.getPort()),
				new ChannelProperties.ProviderTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
		long start = System.nanoTime();

		assertThatThrownBy(() -> impatient.send(message(List.of()))).isInstanceOf(DeliveryFailedException.class)
			.hasMessageContaining("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void theDefaultTimeoutsEndACallBeforeTheInFlightGuardLetsAnotherBegin() {
		ChannelProperties defaults = Contacts.properties("Acme SAS");

		assertThat(defaults.providerTimeouts())
			.isEqualTo(new ChannelProperties.ProviderTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60)));
		assertThat(defaults.providerTimeouts().connect().plus(defaults.providerTimeouts().read()))
			.isLessThan(defaults.inFlightTimeout());
		assertThat(new ChannelProperties("Acme SAS", Duration.ofSeconds(3), null, defaults.creditor()).providerTimeouts())
			.isEqualTo(new ChannelProperties.ProviderTimeouts(Duration.ofMillis(300), Duration.ofMillis(750)));
		assertThatThrownBy(() -> new ChannelProperties("Acme SAS", Duration.ofMinutes(1),
				new ChannelProperties.ProviderTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(1)), defaults.creditor()))
			.hasMessageContaining("must stay shorter than in-flight-timeout");
	}

	private static SendGridEmailGateway gateway() {
		return SendGridEmailGateway.create(new SendGridProperties("SG.test-key", "relances@acme.example",
				"localhost:" + sendGrid.getPort()), Contacts.properties("Acme SAS").providerTimeouts());
	}

	private static OutboundMessage message(List<Attachment> attachments) {
		return new OutboundMessage(42, Channel.EMAIL, "compta@dupont.example", "Mise en demeure de payer : facture F-1",
				"Madame, Monsieur, ...", attachments, "F-1", "Task_SendFormalNotice");
	}

}
