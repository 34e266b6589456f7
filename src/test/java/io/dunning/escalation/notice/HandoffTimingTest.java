package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import io.dunning.invoice.Customer;
import io.dunning.invoice.CustomerType;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.Money;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The legal handoff comes the day after the notice's deadline has passed, at the contact time, local time. The timer
 * expression is read from the diagram and evaluated by the FEEL engine that Zeebe embeds.
 */
class HandoffTimingTest {

	private static final String CONTACT_TIME = "09:00:00@Europe/Paris";

	private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

	@Test
	void theHandoffIsDueTheDayAfterTheDeadlineAtNineLocalTime() throws Exception {
		ZonedDateTime due = handoffDue(LocalDate.of(2026, 12, 23));

		assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 24));
		assertThat(due.toOffsetDateTime().toString()).isEqualTo("2026-12-24T09:00+01:00");
	}

	@Test
	void nineOClockHoldsAcrossTheChangeToSummerTime() throws Exception {
		// Clocks go forward on 29 March 2026: 72 hours after a 09:00 would be 10:00.
		ZonedDateTime due = handoffDue(LocalDate.of(2026, 3, 28));

		assertThat(due.toOffsetDateTime().toString()).isEqualTo("2026-03-29T09:00+02:00");
	}

	@Test
	void aNoticeIssuedTodayIsHandedOverNoSoonerThanDeemedReceiptPlusTheDeadlinePlusOneDay() throws Exception {
		LocalDate issuedOn = LocalDate.of(2026, 11, 30);
		LocalDate deadline = NoticeTerms.of(invoice(), issuedOn, DunningArithmeticTest.NOTICE,
				DunningArithmeticTest.RATES).deadline();

		ZonedDateTime due = handoffDue(deadline);

		assertThat(ChronoUnit.DAYS.between(issuedOn, due.toLocalDate())).isEqualTo(2 + 8 + 1);
	}

	private ZonedDateTime handoffDue(LocalDate noticeDeadline) throws Exception {
		String expression = timerExpression("Timer_HandoffDue_Definition");
		EvaluationResult result = feel.evaluateExpression(expression.substring(1),
				Map.of("noticeDeadline", noticeDeadline.toString(), "contactTime", CONTACT_TIME));
		assertThat(result.isSuccess()).as(expression + ": " + result.failure()).isTrue();
		return (ZonedDateTime) result.result();
	}

	private static String timerExpression(String definitionId) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document diagram = factory.newDocumentBuilder().parse(Path.of("bpmn/dunning-escalation.bpmn").toFile());
		NodeList definitions = diagram.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL",
				"timerEventDefinition");
		for (int i = 0; i < definitions.getLength(); i++) {
			Element definition = (Element) definitions.item(i);
			if (definition.getAttribute("id").equals(definitionId)) {
				return definition.getElementsByTagNameNS("*", "timeDate").item(0).getTextContent().strip();
			}
		}
		throw new IllegalStateException("no timer " + definitionId + " in the diagram");
	}

	private static Invoice invoice() {
		Customer customer = new Customer("C1", "Atelier Martin",
				CustomerType.B2B, "fr", "a@b.fr", null);
		return new Invoice("F-1", customer, Money.of("1000.00", "EUR"),
				LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), Money.of("1000.00", "EUR"), null);
	}

}
