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
		if (stored != 0 && engineTime.isPresent()) {
			engineTime.get().increaseTime(Duration.ofMillis(stored));
			log.info("Engine clock restored to {} (advanced {} in earlier runs)", Instant.now().plusMillis(stored),
					Duration.ofMillis(stored));
		}
		offsetMillis.set(stored);
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
