package io.dunning.channel;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param companyName the creditor, as it signs its messages and letters
 * @param inFlightTimeout how long an attempt that has not finished blocks another attempt at the same contact; longer
 * than any provider call can take, so that a job redelivered while the first call still runs does not send twice
 * @param providerTimeouts how long a provider may take to accept a connection and to answer; both together stay
 * shorter than {@code inFlightTimeout}, so a hung call has ended before another attempt may begin. Unset: 10 s and
 * 60 s, or less when the in-flight timeout is shorter
 * @param creditor how the creditor identifies itself in a letter, and how a customer reaches its collection team
 */
@ConfigurationProperties("dunning.channel")
record ChannelProperties(String companyName, Duration inFlightTimeout, ProviderTimeouts providerTimeouts,
		Creditor creditor) {

	ChannelProperties {
		if (companyName == null || companyName.isBlank()) {
			throw new IllegalArgumentException("dunning.channel.company-name must name the company that signs the letters");
		}
		inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(5) : inFlightTimeout;
		providerTimeouts = providerTimeouts == null ? ProviderTimeouts.within(inFlightTimeout) : providerTimeouts;
		if (providerTimeouts.connect().plus(providerTimeouts.read()).compareTo(inFlightTimeout) >= 0) {
			throw new IllegalArgumentException("dunning.channel.provider-timeouts (connect " + providerTimeouts.connect()
					+ " + read " + providerTimeouts.read() + ") must stay shorter than in-flight-timeout "
					+ inFlightTimeout + ", or a hung call could be sent again while it still runs");
		}
		if (creditor == null) {
			throw new IllegalArgumentException("dunning.channel.creditor must identify the company in its letters");
		}
	}

	/** @param read the longest wait for any part of a provider's answer */
	record ProviderTimeouts(Duration connect, Duration read) {

		private static final Duration CONNECT = Duration.ofSeconds(10);

		private static final Duration READ = Duration.ofSeconds(60);

		/** The usual timeouts, cut down to a tenth and a quarter of a shorter in-flight timeout. */
		static ProviderTimeouts within(Duration inFlightTimeout) {
			Duration connect = inFlightTimeout.dividedBy(10);
			Duration read = inFlightTimeout.dividedBy(4);
			return new ProviderTimeouts(connect.compareTo(CONNECT) < 0 ? connect : CONNECT,
					read.compareTo(READ) < 0 ? read : READ);
		}

		ProviderTimeouts {
			if (connect == null || read == null || connect.isNegative() || connect.isZero() || read.isNegative()
					|| read.isZero()) {
				throw new IllegalArgumentException("dunning.channel.provider-timeouts.connect and .read must be positive");
			}
		}

	}

	/**
	 * @param siren the company's SIREN number
	 * @param rcs its registration, such as "RCS Paris 552 100 554"
	 * @param address its postal address, one line each
	 * @param collectionPhone the collection team's phone number, given in every reminder
	 * @param collectionEmail the collection team's email address, given in every reminder
	 */
	record Creditor(String siren, String rcs, List<String> address, String collectionPhone, String collectionEmail) {

		Creditor {
			require(siren, "siren");
			require(rcs, "rcs");
			require(collectionPhone, "collection-phone");
			require(collectionEmail, "collection-email");
			address = address == null ? List.of() : List.copyOf(address);
			if (address.isEmpty()) {
				throw new IllegalArgumentException("dunning.channel.creditor.address needs at least one line");
			}
		}

		private static void require(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("dunning.channel.creditor." + name + " must be set");
			}
		}

	}

}
