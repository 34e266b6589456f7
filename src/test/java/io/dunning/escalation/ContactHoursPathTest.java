package io.dunning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.TestDatabase;
import io.dunning.calendar.BusinessCalendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No contact leaves outside the contact hours, on the application's own hours (email 08:00-20:00, SMS 09:00-19:00,
 * Monday to Friday, no public holiday), with letters posted on Saturdays too. The JVM runs in New York's zone: the
 * hours are the company's, in Paris. Each test moves the shared clock forward to the days it needs.
 */
class ContactHoursPathTest {

	/** Letters may be posted on Saturdays; the rest is application.yml's. */
	static final Map<String, String> SATURDAY_LETTERS = Map.of("dunning.channel.contact-hours.letter.days",
			"MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY");

	static final LocalTime NINE = LocalTime.of(9, 0);

	static TimeZone original;
	static AppInstance app;
	static Dunning dunning;
	static BusinessCalendar calendar;

	@BeforeAll
	static void start() {
		original = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("hours"));
		properties.putAll(SATURDAY_LETTERS);
		app = AppInstance.start(properties);
		dunning = app.dunning();
		calendar = app.bean(BusinessCalendar.class);
	}

	@AfterAll
	static void stop() {
		app.close();
		TimeZone.setDefault(original);
	}

	@Test
	void aCaseOpenedAtSeventeenPastMidnightSendsAtNineAndItsFormalRemindersAWeekLaterAtNine() {
		LocalDate day = nextDay(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY && calendar.isBusinessDay(d)
				&& calendar.isBusinessDay(d.plusDays(7)) && sameOffset(d, 7));
		moveTo(day.atTime(0, 17));
		String number = overdue("NIGHT");

		JsonNode held = awaitHeld(number, "Task_SendFriendlyEmail");

		assertThat(held.at("/details/channel").asText()).isEqualTo("EMAIL");
		assertThat(held.at("/details/heldUntil").asText()).isEqualTo(local(day, NINE));
		assertThat(held.at("/details/reason").asText()).isEqualTo("OUTSIDE_HOURS");
		// The hold was decided instead of a sending: nothing went out.
		assertThat(dunning.outbox(number)).isEmpty();

		moveTo(day.atTime(9, 0, 30));
		assertThat(sentAt(number, "EMAIL", "Task_SendFriendlyEmail")).isBetween(at(day, NINE), at(day, LocalTime.of(9, 1)));

		// Seven days after the last contact is the same weekday at nine.
		moveTo(day.plusDays(7).atTime(9, 1));
		assertThat(sentAt(number, "EMAIL", "Task_SendFormalEmail")).isBetween(at(day.plusDays(7), NINE),
				at(day.plusDays(7), LocalTime.of(9, 2)));
		assertThat(sentAt(number, "SMS", "Task_SendFormalSms")).isBetween(at(day.plusDays(7), NINE),
				at(day.plusDays(7), LocalTime.of(9, 2)));
		assertThat(held(number)).hasSize(1);
		assertSentOnce(number);
	}

	@Test
	void aCaseOpenedOnASaturdayWaitsForMonday() {
		LocalDate saturday = nextDay(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY && calendar.isBusinessDay(d.plusDays(2))
				&& sameOffset(d, 2));
		LocalDate monday = saturday.plusDays(2);
		moveTo(saturday.atTime(10, 0));
		String number = overdue("SAT");

		JsonNode held = awaitHeld(number, "Task_SendFriendlyEmail");

		assertThat(held.at("/details/heldUntil").asText()).isEqualTo(local(monday, NINE));
		assertThat(held.at("/details/reason").asText()).isEqualTo("CLOSED_DAY");
		assertThat(dunning.outbox(number)).isEmpty();

		moveTo(monday.atTime(9, 0, 30));
		assertThat(sentAt(number, "EMAIL", "Task_SendFriendlyEmail")).isBetween(at(monday, NINE),
				at(monday, LocalTime.of(9, 1)));
		assertSentOnce(number);
	}

	@Test
	void onFourteenJulyNeitherANewCaseNorAWeekOldOneIsContactedTheyAreOnTheFifteenthAtNine() {
		LocalDate bastille = nextDay(d -> d.getMonthValue() == 7 && d.getDayOfMonth() == 14
				&& calendar.isBusinessDay(d.minusDays(7)) && calendar.isBusinessDay(d.plusDays(1)));
		LocalDate fifteenth = bastille.plusDays(1);
		moveTo(bastille.minusDays(7).atTime(12, 0));
		String weekOld = overdue("JULY");
		sentAt(weekOld, "EMAIL", "Task_SendFriendlyEmail");

		// The week-old case's formal reminder falls due at noon on the 14th; a case opens that afternoon.
		moveTo(bastille.atTime(15, 0));
		String opened = overdue("BASTILLE");

		JsonNode formalHeld = awaitHeld(weekOld, "Task_SendFormalEmail");
		JsonNode friendlyHeld = awaitHeld(opened, "Task_SendFriendlyEmail");
		assertThat(formalHeld.at("/details/heldUntil").asText()).isEqualTo(local(fifteenth, NINE));
		assertThat(formalHeld.at("/details/reason").asText()).isEqualTo("DAY_OFF");
		assertThat(friendlyHeld.at("/details/heldUntil").asText()).isEqualTo(local(fifteenth, NINE));
		assertThat(steps(weekOld)).containsExactly("EMAIL Task_SendFriendlyEmail");
		assertThat(dunning.outbox(opened)).isEmpty();

		moveTo(fifteenth.atTime(9, 0, 30));
		assertThat(sentAt(weekOld, "SMS", "Task_SendFormalSms")).isBetween(at(fifteenth, NINE),
				at(fifteenth, LocalTime.of(9, 1)));
		assertThat(sentAt(weekOld, "EMAIL", "Task_SendFormalEmail")).isAfterOrEqualTo(at(fifteenth, NINE));
		assertThat(sentAt(opened, "EMAIL", "Task_SendFriendlyEmail")).isBetween(at(fifteenth, NINE),
				at(fifteenth, LocalTime.of(9, 1)));
		assertSentOnce(weekOld);
		assertSentOnce(opened);
	}

	@Test
	void aNoticeApprovedOnASaturdayIsPostedAtOnceAndEmailedOnMonday() {
		LocalDate monday = nextDay(d -> d.getDayOfWeek() == DayOfWeek.MONDAY && calendar.isBusinessDay(d)
				&& calendar.isBusinessDay(d.plusDays(7)) && calendar.isBusinessDay(d.plusDays(14))
				&& calendar.isBusinessDay(d.plusDays(21)) && sameOffset(d, 21));
		LocalDate saturday = monday.plusDays(19);
		LocalDate nextMonday = monday.plusDays(21);
		moveTo(monday.atTime(12, 0));
		String number = overdueWithAddress("POST");
		sentAt(number, "EMAIL", "Task_SendFriendlyEmail");
		moveTo(monday.plusDays(7).atTime(12, 1));
		sentAt(number, "SMS", "Task_SendFormalSms");
		moveTo(monday.plusDays(14).atTime(12, 2));
		JsonNode call = dunning.awaitOpenTask(number, "Task_CourtesyCall");

		moveTo(saturday.atTime(10, 0));
		dunning.complete("collector", call, Map.of("outcome", "NO_ANSWER"));
		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ApproveFormalNotice"), Map.of("approved", true));

		Instant posted = sentAt(number, "LETTER", "Task_SendFormalNotice");
		assertThat(posted).isBetween(at(saturday, LocalTime.of(10, 0)), at(saturday, LocalTime.of(10, 1)));
		JsonNode held = awaitHeld(number, "Task_SendFormalNotice");
		assertThat(held.at("/details/channel").asText()).isEqualTo("EMAIL");
		assertThat(held.at("/details/heldUntil").asText()).isEqualTo(local(nextMonday, NINE));
		assertThat(steps(number)).doesNotContain("EMAIL Task_SendFormalNotice");

		moveTo(nextMonday.atTime(9, 0, 30));
		assertThat(sentAt(number, "EMAIL", "Task_SendFormalNotice")).isBetween(at(nextMonday, NINE),
				at(nextMonday, LocalTime.of(9, 1)));
		dunning.awaitStep(number, "Timer_HandoffDue");
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("NOTICE_ISSUED")).hasSize(1);
		assertSentOnce(number);
	}

	@Test
	void aContactHeldWhenTheApplicationStopsIsHeldAgainAfterItsRestartAndGoesOnce() {
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("hours_restart"));
		properties.putAll(SATURDAY_LETTERS);
		String number;
		LocalDate day;
		try (AppInstance first = AppInstance.start(properties)) {
			Dunning own = first.dunning();
			Instant now = own.now();
			day = LocalDate.ofInstant(now, Dunning.ZONE).plusDays(1);
			while (!first.bean(BusinessCalendar.class).isBusinessDay(day)) {
				day = day.plusDays(1);
			}
			own.advance(Duration.between(now, at(day, LocalTime.of(6, 0))).toString());
			number = Dunning.newInvoiceNumber("RESTART");
			own.as("integrator").post("/api/invoices", own.invoice(number, day.minusDays(45), "640.00", "B2B"));
			await().atMost(Duration.ofSeconds(30)).until(() -> own.history(number).stream()
				.anyMatch(h -> h.get("type").asText().equals("CONTACT_HELD")));
		}

		try (AppInstance second = AppInstance.start(properties)) {
			Dunning own = second.dunning();
			// The restarted case enters its send step again, in the new engine run, and is held again.
			await().atMost(Duration.ofSeconds(30)).until(() -> own.history(number).stream()
				.filter(h -> h.get("type").asText().equals("STEP_ENTERED")
						&& h.get("elementId").asText().equals("Task_SendFriendlyEmail"))
				.count() == 2);
			own.advance(Duration.between(own.now(), at(day, LocalTime.of(9, 0, 30))).toString());

			JsonNode message = await().atMost(Duration.ofSeconds(30)).until(() -> own.outbox(number).stream()
				.findFirst()
				.orElse(null), m -> m != null);
			assertThat(Instant.parse(message.get("createdAt").asText())).isAfterOrEqualTo(at(day, NINE));
			own.awaitStep(number, "Timer_FormalReminderDue");
			assertThat(own.outbox(number)).hasSize(1);
			// The same hold, told once however often its job came back.
			assertThat(own.history(number)).filteredOn(h -> h.get("type").asText().equals("CONTACT_HELD")).hasSize(1);
		}
	}

	/** The first day after today that passes the test. */
	static LocalDate nextDay(Predicate<LocalDate> wanted) {
		LocalDate day = dunning.today().plusDays(1);
		while (!wanted.test(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** No change of summer time between the day and {@code days} later: a week after nine is still nine. */
	static boolean sameOffset(LocalDate day, int days) {
		return at(day, NINE).atZone(Dunning.ZONE).getOffset()
			.equals(at(day.plusDays(days), NINE).atZone(Dunning.ZONE).getOffset());
	}

	static void moveTo(LocalDateTime local) {
		Duration ahead = Duration.between(dunning.now(), local.atZone(Dunning.ZONE).toInstant());
		assertThat(ahead).as("moving forward to " + local).isPositive();
		dunning.advance(ahead.toString());
	}

	static String overdue(String prefix) {
		return post(prefix, Map.of());
	}

	static String overdueWithAddress(String prefix) {
		return post(prefix, Map.of("addressLine1", "3 place Bellecour", "postcode", "69002", "city", "Lyon",
				"country", "FR"));
	}

	private static String post(String prefix, Map<String, String> extra) {
		String number = Dunning.newInvoiceNumber(prefix);
		Map<String, Object> invoice = dunning.invoice(number, dunning.today().minusDays(45), "640.00", "B2B");
		invoice.putAll(extra);
		Api.Response response = dunning.as("integrator").post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	static JsonNode awaitHeld(String number, String step) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> held(number).stream()
			.filter(h -> h.get("elementId").asText().equals(step))
			.findFirst()
			.orElse(null), h -> h != null);
	}

	static List<JsonNode> held(String number) {
		return dunning.history(number).stream().filter(h -> h.get("type").asText().equals("CONTACT_HELD")).toList();
	}

	/** Waits for the message and answers when it was sent. */
	static Instant sentAt(String number, String channel, String step) {
		JsonNode message = await().atMost(Duration.ofSeconds(30)).until(() -> dunning.outbox(number).stream()
			.filter(m -> m.get("channel").asText().equals(channel) && m.get("step").asText().equals(step))
			.findFirst()
			.orElse(null), m -> m != null);
		return Instant.parse(message.get("createdAt").asText());
	}

	static List<String> steps(String number) {
		return dunning.outbox(number).stream().map(m -> m.get("channel").asText() + " " + m.get("step").asText()).toList();
	}

	static void assertSentOnce(String number) {
		assertThat(steps(number).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())).values())
			.allMatch(count -> count == 1);
	}

	static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, Dunning.ZONE).toInstant();
	}

	static String local(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, Dunning.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
