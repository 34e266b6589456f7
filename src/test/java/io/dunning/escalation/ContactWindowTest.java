package io.dunning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Each case has its own moment in the contact window: spread over it, whatever the ids, and always the same. */
class ContactWindowTest {

	private static final LocalTime NINE = LocalTime.of(9, 0);

	@Test
	void aLedgerImportedAtOnceIsSpreadEvenlyOverTheWindow() {
		DunningProperties properties = properties(NINE, Duration.ofHours(2));

		// One import: consecutive case ids. Twelve ten-minute slices of the window, each holding about a twelfth.
		Map<Integer, Long> perSlice = LongStream.range(1_000, 11_000)
			.mapToObj(properties::contactTimeOf)
			.peek(time -> assertThat(time).isBetween(NINE, LocalTime.of(10, 59, 59)))
			.collect(Collectors.groupingBy(time -> (time.toSecondOfDay() - NINE.toSecondOfDay()) / 600,
					Collectors.counting()));

		assertThat(perSlice).hasSize(12);
		assertThat(perSlice.values()).allSatisfy(count -> assertThat(count).isBetween(700L, 980L));
	}

	@Test
	void aCaseKeepsItsMomentAndWithoutAWindowEveryCaseGoesAtTheContactTime() {
		DunningProperties spread = properties(NINE, Duration.ofHours(2));
		DunningProperties none = properties(NINE, null);

		assertThat(spread.contactTimeOf(4_242)).isEqualTo(spread.contactTimeOf(4_242));
		assertThat(LongStream.range(1, 100).mapToObj(none::contactTimeOf).distinct().toList()).containsExactly(NINE);
	}

	@Test
	void aWindowPastMidnightIsRefusedAtStart() {
		assertThatThrownBy(() -> properties(LocalTime.of(23, 0), Duration.ofHours(2)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("dunning.contact-window");
		assertThatThrownBy(() -> properties(NINE, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
	}

	private static DunningProperties properties(LocalTime contactTime, Duration window) {
		return new DunningProperties(ZoneId.of("Europe/Paris"), contactTime, window,
				new DunningProperties.Pacing(Period.ofDays(7)),
				new DunningProperties.Notice(BigDecimal.valueOf(40), 8, 2),
				new DunningProperties.Handoff("target/handoff"));
	}

}
