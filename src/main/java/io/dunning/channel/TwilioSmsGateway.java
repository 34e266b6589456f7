package io.dunning.channel;

import java.net.URI;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends SMS through Twilio. Both the SDK's retries (three more tries on any 5xx, POST included) and the HTTP
 * library's (429, 503) are off: a retried POST can text the customer twice, so the ledger and the job's retries
 * alone decide when to try again.
 */
final class TwilioSmsGateway implements Gateway {

	private final TwilioRestClient client;

	private final SingleAttemptHttpClient http;

	private final PhoneNumber from;

	private TwilioSmsGateway(TwilioRestClient client, SingleAttemptHttpClient http, PhoneNumber from) {
		this.client = client;
		this.http = http;
		this.from = from;
	}

	static TwilioSmsGateway create(TwilioProperties properties, ChannelProperties.ProviderTimeouts timeouts) {
		if (properties.from() == null || properties.from().isBlank()) {
			throw new IllegalStateException("dunning.twilio.from must be set when Twilio is configured");
		}
		Timeout connect = Timeout.of(timeouts.connect());
		Timeout read = Timeout.of(timeouts.read());
		HttpClientBuilder http = HttpClientBuilder.create()
			.disableAutomaticRetries()
			.setDefaultRequestConfig(RequestConfig.copy(HttpClient.DEFAULT_REQUEST_CONFIG)
				.setConnectionRequestTimeout(connect)
				.setResponseTimeout(read)
				.build())
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultSocketConfig(SocketConfig.copy(HttpClient.DEFAULT_SOCKET_CONFIG).setSoTimeout(read).build())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
				.build());
		if (properties.customHost()) {
			// The SDK has no base-URL setting: every connection is routed to the stub instead.
			HttpHost stub = HttpHost.create(URI.create("http://" + properties.host()));
			http.setRoutePlanner((target, context) -> new HttpRoute(stub));
		}
		SingleAttemptHttpClient singleAttempt = new SingleAttemptHttpClient(http);
		TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.httpClient(singleAttempt)
			.build();
		return new TwilioSmsGateway(client, singleAttempt, new PhoneNumber(properties.from()));
	}

	@Override
	public String provider() {
		return "twilio";
	}

	@Override
	public String send(OutboundMessage message) {
		try {
			return Message.creator(new PhoneNumber(message.recipient()), from, message.body()).create(client).getSid();
		}
		catch (ApiException e) {
			// A 5xx with an empty body leaves the exception without a status: the response still has it.
			Integer status = e.getStatusCode() != null ? e.getStatusCode() : http.lastStatus();
			throw new DeliveryFailedException("Twilio refused the SMS (HTTP " + status + ", Twilio code " + e.getCode()
					+ "): " + e.getMessage(), e);
		}
		catch (TwilioException e) {
			throw new DeliveryFailedException("Twilio could not be reached: " + e.getMessage(), e);
		}
	}

	/** Makes each request once, and remembers the status per thread, as the client is shared by all workers. */
	private static final class SingleAttemptHttpClient extends NetworkHttpClient {

		private final ThreadLocal<Integer> lastStatus = new ThreadLocal<>();

		SingleAttemptHttpClient(HttpClientBuilder builder) {
			super(builder);
		}

		@Override
		public Response reliableRequest(Request request) {
			lastStatus.remove();
			Response response = makeRequest(request);
			lastStatus.set(response.getStatusCode());
			return response;
		}

		@Override
		public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
			return reliableRequest(request);
		}

		Integer lastStatus() {
			return lastStatus.get();
		}

	}

}
