package io.dunning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Timed contacts go out at 09:00 in the company's zone, also when a daylight-saving change falls between the due date
 * and the contact: three days after the due date is three calendar days, not 72 hours. Each test runs on a database
 * of its own, whose clock starts at today and is moved to the date under test.
 */
@RequiresDatabase
class ContactTimeTest {

	@Test
	void theFriendlyEmailAfterTheSpringChangeGoesOutAtNineLocalNotTen() {
		try (AppInstance app = AppInstance.start(TestDatabase.fresh("dst_spring"))) {
			Dunning dunning = app.dunning();
			// Due on Friday 26 March 2027; clocks go forward on Sunday 28 March; the email is due Monday 29 at 09:00.
			String number = openCase(dunning, LocalDate.of(2027, 3, 26));

			moveClockTo(dunning, LocalDateTime.of(2027, 3, 29, 9, 30));

			await().atMost(Duration.ofSeconds(20)).until(() -> !friendly(dunning, number).isEmpty());
		}
	}

	@Test
	void theFriendlyEmailAfterTheAutumnChangeWaitsForNineLocalNotEight() {
		try (AppInstance app = AppInstance.start(TestDatabase.fresh("dst_autumn"))) {
			Dunning dunning = app.dunning();
			// Due on Friday 29 October 2027; clocks go back on Sunday 31 October; the email is due Monday 1 November
			// at 09:00, which 72 hours would have made 08:00.
			String number = openCase(dunning, LocalDate.of(2027, 10, 29));
			moveClockTo(dunning, LocalDateTime.of(2027, 11, 1, 8, 30));
			Instant beforeNine = dunning.now();

			moveClockTo(dunning, LocalDateTime.of(2027, 11, 1, 9, 30));

			await().atMost(Duration.ofSeconds(20)).until(() -> !friendly(dunning, number).isEmpty());
			// Sent after the clock's jump past 09:00: a send at 08:30 would carry a time within seconds of that reading.
			assertThat(Instant.parse(friendly(dunning, number).getFirst().get("createdAt").asText()))
				.isAfter(beforeNine.plus(Duration.ofMinutes(30)));
		}
	}

	/** Moves the clock to the day after the due date, when the invoice is overdue, and waits for its case. */
	private static String openCase(Dunning dunning, LocalDate dueDate) {
		moveClockTo(dunning, dueDate.plusDays(1).atTime(LocalTime.of(12, 0)));
		String number = Dunning.newInvoiceNumber("DST");
		Api.Response response = dunning.as("integrator").post("/api/invoices",
				dunning.invoice(number, dueDate, "300.00", "B2B"));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		dunning.awaitStep(number, "Timer_FriendlyReminderDue");
		return number;
	}

	private static void moveClockTo(Dunning dunning, LocalDateTime local) {
		Duration ahead = Duration.between(dunning.now(), local.atZone(Dunning.ZONE).toInstant());
		dunning.advance(ahead.toString());
	}

	private static List<JsonNode> friendly(Dunning dunning, String number) {
		return dunning.outbox(number).stream()
			.filter(m -> m.get("step").asText().equals("Task_SendFriendlyEmail"))
			.toList();
	}

}
