package io.dunning.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one clock of the product: system time plus every advance made so far. The offset is stored, so a
 * restart after an advance puts the engine back where it was instead of moving time backwards for every case.
 * Only the embedded engine's clock moves; with a remote cluster this clock is system time, whatever is stored.
 */
@Component
public class EngineClock extends Clock {

	private static final Logger log = LoggerFactory.getLogger(EngineClock.class);

	private final JdbcClient jdbc;

	private final Optional<EngineTimeControl> engineTime;

	private final AtomicLong offsetMillis = new AtomicLong();

	EngineClock(JdbcClient jdbc, Optional<EngineTimeControl> engineTime) {
		this.jdbc = jdbc;
		this.engineTime = engineTime;
		long stored = jdbc.sql("SELECT offset_millis FROM engine_clock WHERE id = 1").query(Long.class).single();
		if (stored == 0) {
			return;
		}
		if (engineTime.isPresent()) {
			engineTime.get().increaseTime(Duration.ofMillis(stored));
			offsetMillis.set(stored);
			log.info("Engine clock restored to {} (advanced {} in earlier runs)", instant(), Duration.ofMillis(stored));
		}
		else {
			// A cluster's clock cannot be moved: applying the offset here would put every business date (overdue
			// days, contact dates, deadlines) ahead of the timers that act on them. The row stays as it is, so the
			// embedded engine finds its demo time again if the database goes back to it.
			log.warn("A clock offset of {} is stored from an embedded-engine demo. It is ignored: a remote cluster "
					+ "keeps real time, and so does this application.", Duration.ofMillis(stored));
		}
	}

	public boolean canAdvance() {
		return engineTime.isPresent();
	}

	@Transactional
	public Instant advance(Duration duration) {
		if (!duration.isZero()) {
			EngineTimeControl control = engineTime.orElseThrow(
					() -> new IllegalStateException("only the embedded engine's clock can be moved"));
			long updated = offsetMillis.addAndGet(duration.toMillis());
			jdbc.sql("UPDATE engine_clock SET offset_millis = ? WHERE id = 1").param(updated).update();
			control.increaseTime(duration);
			log.info("Clock advanced by {} to {}", duration, instant());
		}
		return instant();
	}

	@Override
	public Instant instant() {
		return Instant.now().plusMillis(offsetMillis.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneId.of("UTC");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		EngineClock source = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

			@Override
			public Instant instant() {
				return source.instant();
			}
		};
	}

}
