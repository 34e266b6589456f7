package io.dunning.escalation.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.TestDatabase;
import io.dunning.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dispute cannot hold dunning unseen: its resolution task has an SLA of 5 business days, and the managers are
 * reminded of it once, 14 days after it was raised. On the application's own email hours: the managers' emails go out
 * on a Friday and a Saturday night, when no customer would hear from us.
 */
class DisputeSlaTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void anUnresolvedDisputePassesItsSlaAfterFiveBusinessDaysAndRemindsTheManagersOnceAfterFourteenDays() {
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("dispute_sla"));
		properties.put("dunning.worklist.sla.notify-email", "managers@example.com");
		properties.put("dunning.channel.contact-hours.email.days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
		String number;
		LocalDate saturday;
		String reminderAt;
		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			BusinessCalendar calendar = app.bean(BusinessCalendar.class);
			// A Friday with no day off in the week after it, nor on itself.
			LocalDate friday = dunning.today().plusDays(1);
			while (friday.getDayOfWeek() != DayOfWeek.FRIDAY || !calendar.isBusinessDay(friday)
					|| calendar.nextBusinessDays(at(friday.plusDays(1), 21), 5).getLast().toLocalDate()
						.isAfter(friday.plusDays(7))) {
				friday = friday.plusDays(1);
			}
			saturday = friday.plusDays(1);
			moveTo(dunning, friday.atTime(12, 0));
			number = dunning.overdueInvoice("DISPUTE", 4, "820.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");

			// Raised on Saturday at nine in the evening.
			moveTo(dunning, saturday.atTime(21, 0));
			Api.Response raised = dunning.as("integrator").post("/api/invoices/" + number + "/disputes",
					Map.of("reason", "QUALITY", "comment", "Pièces défectueuses"));
			assertThat(raised.status()).as(raised.text()).isEqualTo(201);
			JsonNode task = dunning.awaitOpenTask(number, "Task_ResolveDispute");
			// Five business days: Monday to Friday, at the time it was raised.
			LocalDate slaDay = saturday.plusDays(6);
			assertThat(Instant.parse(task.get("dueAt").asText())).isEqualTo(at(slaDay, 21));

			// Calendar days would have passed it on Thursday: not yet at half past eight on Friday.
			moveTo(dunning, slaDay.atTime(20, 30));
			Instant beforeSla = dunning.now();
			moveTo(dunning, slaDay.atTime(21, 30));

			JsonNode breach = await().atMost(PATIENCE).until(() -> only(dunning, number, "SLA_BREACHED"), h -> h != null);
			assertThat(breach.get("elementId").asText()).isEqualTo("Task_ResolveDispute");
			assertThat(Instant.parse(breach.get("at").asText())).isAfter(beforeSla.plus(Duration.ofMinutes(30)));
			// The managers hear of it at once, on a Friday night: a staff email is not held to the contact hours.
			JsonNode slaEmail = await().atMost(PATIENCE).until(() -> email(dunning, number, ":sla:"), m -> m != null);
			assertThat(slaEmail.get("recipient").asText()).isEqualTo("managers@example.com");
			assertThat(slaEmail.get("subject").asText()).contains("Délai dépassé", "Résolution de contestation");
			assertThat(dunning.openTasks(number).getFirst().path("slaPassedAt").asText(null)).isNotNull();
			reminderAt = snapshot(app, number, "disputeReminderAt");
			assertThat(reminderAt).contains(saturday.plusDays(14) + "T21:00:00");
		}

		// Restarted with the dispute open: the task is entered again, and keeps its deadlines.
		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			await().atMost(PATIENCE).until(() -> dunning.history(number).stream()
				.filter(h -> h.get("type").asText().equals("STEP_ENTERED")
						&& h.get("elementId").asText().equals("Task_ResolveDispute"))
				.count() == 2);
			assertThat(snapshot(app, number, "disputeReminderAt")).isEqualTo(reminderAt);

			moveTo(dunning, saturday.plusDays(14).atTime(20, 30));
			Instant beforeReminder = dunning.now();
			moveTo(dunning, saturday.plusDays(14).atTime(21, 30));

			JsonNode reminded = await().atMost(PATIENCE).until(() -> only(dunning, number, "DISPUTE_REMINDED"),
					h -> h != null);
			assertThat(Instant.parse(reminded.get("at").asText())).isAfter(beforeReminder.plus(Duration.ofMinutes(30)));
			assertThat(reminded.at("/details/reason").asText()).isEqualTo("QUALITY");
			assertThat(reminded.at("/details/notified").asText()).isEqualTo("managers@example.com");
			JsonNode reminder = await().atMost(PATIENCE).until(() -> email(dunning, number, ":reminder:"), m -> m != null);
			assertThat(reminder.get("recipient").asText()).isEqualTo("managers@example.com");
			assertThat(reminder.get("subject").asText()).isEqualTo("Contestation toujours ouverte : facture " + number
					+ " (Atelier Martin)");
			assertThat(reminder.get("body").asText()).contains("Motif : Qualité");

			// Once resolved, the path goes on; by then each timer has had its say, once.
			dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ResolveDispute"),
					Map.of("resolution", "IN_OUR_FAVOUR", "comment", "Pièces conformes"));
			await().atMost(PATIENCE).until(() -> only(dunning, number, "PATH_RESUMED") != null);
			assertThat(types(dunning, number)).filteredOn("DISPUTE_REMINDED"::equals).hasSize(1);
			assertThat(types(dunning, number)).filteredOn("SLA_BREACHED"::equals).hasSize(1);
			assertThat(dunning.outbox(number)).filteredOn(m -> m.get("recipient").asText().equals("managers@example.com"))
				.hasSize(2);
		}
	}

	private static JsonNode only(Dunning dunning, String number, String type) {
		List<JsonNode> entries = dunning.history(number).stream().filter(h -> h.get("type").asText().equals(type)).toList();
		assertThat(entries.size()).as(type + " entries").isLessThanOrEqualTo(1);
		return entries.isEmpty() ? null : entries.getFirst();
	}

	private static List<String> types(Dunning dunning, String number) {
		return dunning.history(number).stream().map(h -> h.get("type").asText()).toList();
	}

	private static JsonNode email(Dunning dunning, String number, String stepPart) {
		return dunning.outbox(number).stream()
			.filter(m -> m.get("step").asText().contains(stepPart))
			.findFirst()
			.orElse(null);
	}

	private static String snapshot(AppInstance app, String number, String variable) {
		return app.bean(JdbcClient.class)
			.sql("SELECT JSON_UNQUOTE(JSON_EXTRACT(variables, ?)) FROM dunning_case WHERE invoice_number = ?")
			.params("$." + variable, number)
			.query(String.class)
			.single();
	}

	private static void moveTo(Dunning dunning, LocalDateTime local) {
		dunning.advance(Duration.between(dunning.now(), local.atZone(Dunning.ZONE).toInstant()).toString());
	}

	private static Instant at(LocalDate day, int hour) {
		return ZonedDateTime.of(day.atTime(hour, 0), Dunning.ZONE).toInstant();
	}

}
