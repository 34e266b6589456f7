package io.dunning.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClockController {

	/** A demo moves through a year of dunning in a few calls; a bigger jump is a typo or a probe. */
	static final Duration MAX_ADVANCE = Duration.ofDays(400);

	private final EngineClock clock;

	private final ApplicationEventPublisher events;

	ClockController(EngineClock clock, ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
	}

	record AdvanceRequest(String duration) {
	}

	record ClockReading(Instant now) {
	}

	@PostMapping("/api/admin/clock/advance")
	@Transactional
	ClockReading advance(@RequestBody AdvanceRequest request) {
		Duration duration = parse(request.duration());
		if (duration.isZero()) {
			return new ClockReading(clock.instant());
		}
		if (!clock.canAdvance()) {
			throw new ConflictException("The clock moves only in embedded engine mode; a remote cluster keeps real time.");
		}
		Instant now = clock.advance(duration);
		events.publishEvent(new ClockAdvanced(now));
		return new ClockReading(now);
	}

	private static Duration parse(String text) {
		if (text == null || text.isBlank()) {
			throw BadInputException.of("duration", "required, an ISO-8601 duration such as P7D or PT12H");
		}
		try {
			Duration duration = Duration.parse(text);
			if (duration.isNegative()) {
				throw BadInputException.of("duration", "must not be negative: the clock only moves forward");
			}
			if (duration.compareTo(MAX_ADVANCE) > 0) {
				throw BadInputException.of("duration", "'" + text + "' is too long: at most P400D per call");
			}
			return duration;
		}
		catch (DateTimeParseException e) {
			throw BadInputException.of("duration", "'" + text + "' is not an ISO-8601 duration such as P7D or PT12H");
		}
	}

}
