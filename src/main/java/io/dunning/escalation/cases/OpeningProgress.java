package io.dunning.escalation.cases;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the instance starts of newly opened cases and logs the progress of a burst, such as the one after a large
 * import: "cases opened 4 000 of 10 000". A burst ends when every start sent has been answered and none has been sent
 * for a while: the cases of one import open on several threads, and the first ones may all be answered before the
 * last is sent.
 */
@Component
class OpeningProgress {

	private static final Logger log = LoggerFactory.getLogger(OpeningProgress.class);
	private static final int EVERY = 1000;
	private static final long QUIET_NANOS = Duration.ofSeconds(2).toNanos();

	private int sent;
	private int answered;
	private int failed;
	private long lastAnsweredAt;

	synchronized void sent() {
		if (answered == sent && System.nanoTime() - lastAnsweredAt > QUIET_NANOS) {
			sent = 0;
			answered = 0;
			failed = 0;
		}
		sent++;
	}

	synchronized void answered(boolean ok) {
		answered++;
		lastAnsweredAt = System.nanoTime();
		if (!ok) {
			failed++;
		}
		if (answered % EVERY == 0 || answered == sent) {
			if (sent > 1 || failed > 0) {
				log.info("Cases opened {} of {}{}", String.format("%,d", answered - failed), String.format("%,d", sent),
						failed == 0 ? "" : " (" + failed + " to start again later)");
			}
		}
	}

}
