package io.dunning.escalation.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the instance starts of newly opened cases and logs the progress of a burst, such as the one after a large
 * import: "cases opened 4 000 of 10 000". A burst ends when every start sent has been answered.
 */
@Component
class OpeningProgress {

	private static final Logger log = LoggerFactory.getLogger(OpeningProgress.class);
	private static final int EVERY = 1000;

	private int sent;
	private int answered;
	private int failed;

	synchronized void sent() {
		sent++;
	}

	synchronized void answered(boolean ok) {
		answered++;
		if (!ok) {
			failed++;
		}
		if (answered % EVERY == 0 || answered == sent) {
			if (sent > 1 || failed > 0) {
				log.info("Cases opened {} of {}{}", String.format("%,d", answered - failed), String.format("%,d", sent),
						failed == 0 ? "" : " (" + failed + " to start again later)");
			}
		}
		if (answered == sent) {
			sent = 0;
			answered = 0;
			failed = 0;
		}
	}

}
