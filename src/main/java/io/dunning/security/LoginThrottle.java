package io.dunning.security;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords are counted per user name and per client address, in token buckets (Bucket4j) that refill over
 * a window. Once either bucket is empty, every login for that name or from that address is refused, the right
 * password included, until the bucket refills: guessing then costs hours instead of seconds.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	// Enough for every user and address active at once; the oldest entries go first when it is full.
	private static final int TRACKED = 10_000;

	private final Bandwidth perUser;
	private final Bandwidth perAddress;
	private final Map<String, Bucket> users = bounded();
	private final Map<String, Bucket> addresses = bounded();

	LoginThrottle(@Value("${dunning.security.login.failures-per-user:5}") int perUser,
			@Value("${dunning.security.login.failures-per-address:30}") int perAddress,
			@Value("${dunning.security.login.window:PT15M}") Duration window) {
		this.perUser = Bandwidth.builder().capacity(perUser).refillGreedy(perUser, window).build();
		this.perAddress = Bandwidth.builder().capacity(perAddress).refillGreedy(perAddress, window).build();
	}

	boolean isLocked(String username, String address) {
		return isEmpty(users, username) || isEmpty(addresses, address);
	}

	void failed(String username, String address) {
		if (username != null) {
			bucket(users, username.toLowerCase(), perUser).tryConsume(1);
		}
		if (address != null) {
			bucket(addresses, address, perAddress).tryConsume(1);
		}
		if (isLocked(username, address)) {
			log.warn("Logins throttled after repeated wrong passwords: user '{}', address {}", username, address);
		}
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
				? web.getRemoteAddress() : null;
		failed(event.getAuthentication().getName(), address);
	}

	private boolean isEmpty(Map<String, Bucket> buckets, String key) {
		if (key == null) {
			return false;
		}
		Bucket bucket = buckets.get(buckets == users ? key.toLowerCase() : key);
		return bucket != null && bucket.getAvailableTokens() <= 0;
	}

	private static Bucket bucket(Map<String, Bucket> buckets, String key, Bandwidth limit) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit).build());
		}
	}

	private static Map<String, Bucket> bounded() {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > TRACKED;
			}
		});
	}

}
