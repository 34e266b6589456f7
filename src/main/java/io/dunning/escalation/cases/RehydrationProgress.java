package io.dunning.escalation.cases;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far the restart of the open cases has come, shown as the {@code rehydration} component of
 * {@code /actuator/health}. It stays UP while it runs: the API serves meanwhile, and failed cases are retried.
 */
@Component("rehydration")
class RehydrationProgress implements HealthIndicator {

	record Snapshot(String state, int total, int done, int failed) {
	}

	private volatile String state = "PENDING";
	private volatile int total;
	private final AtomicInteger done = new AtomicInteger();
	private final AtomicInteger failed = new AtomicInteger();

	void begin(int total) {
		this.total = total;
		done.set(0);
		failed.set(0);
		state = "RUNNING";
	}

	void done() {
		done.incrementAndGet();
	}

	void failed() {
		failed.incrementAndGet();
	}

	void end() {
		state = "FINISHED";
	}

	Snapshot snapshot() {
		return new Snapshot(state, total, done.get(), failed.get());
	}

	@Override
	public Health health() {
		Snapshot now = snapshot();
		return Health.up()
			.withDetails(Map.of("state", now.state(), "total", now.total(), "done", now.done(), "failed", now.failed()))
			.build();
	}

}
