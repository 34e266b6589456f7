package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.dunning.channel.NoticeLetter;
import io.dunning.invoice.Customer;
import io.dunning.invoice.CustomerType;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.Money;
import org.junit.jupiter.api.Test;
import io.dunning.escalation.plan.PaymentPlans;
import io.dunning.escalation.plan.Instalment;
import io.dunning.escalation.steps.ContactTimes;
import io.dunning.escalation.notice.LateInterest;
import io.dunning.escalation.notice.PaymentReference;
import io.dunning.escalation.notice.NoticeTerms;
import io.dunning.escalation.DunningProperties;

class DunningArithmeticTest {

	static final DunningProperties.Notice NOTICE = new DunningProperties.Notice(new BigDecimal("2.15"),
			new BigDecimal("40.00"), 8);

	@Test
	void paymentReferenceIsAValidIso11649CreditorReference() {
		assertThat(PaymentReference.of("539007547034")).isEqualTo("RF18539007547034");
		assertThat(PaymentReference.of("F-2026-0412")).startsWith("RF").endsWith("F20260412");
	}

	@Test
	void lateInterestIsTheEcbRatePlusTenPointsProRata() {
		assertThat(LateInterest.annualRate(new BigDecimal("2.15"))).isEqualByComparingTo("12.15");
		// 1 000 € at 12.15 % for 73 days = 1000 × 0.1215 × 73 / 365 = 24.30 €
		assertThat(LateInterest.on(new BigDecimal("1000.00"), new BigDecimal("12.15"), 73, 2)).isEqualByComparingTo("24.30");
		assertThat(LateInterest.daysLate(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1))).isZero();
	}

	@Test
	void aNoticeAddsTheFlatIndemnityForBusinessesOnly() {
		LocalDate issued = LocalDate.of(2026, 12, 13);
		NoticeLetter business = NoticeTerms.of(invoice(CustomerType.B2B), issued, NOTICE);
		NoticeLetter consumer = NoticeTerms.of(invoice(CustomerType.B2C), issued, NOTICE);

		assertThat(business.daysLate()).isEqualTo(73);
		assertThat(business.interest()).isEqualByComparingTo("24.30");
		assertThat(business.indemnity()).isEqualByComparingTo("40.00");
		assertThat(business.total()).isEqualByComparingTo("1064.30");
		assertThat(business.deadline()).isEqualTo(issued.plusDays(8));
		assertThat(consumer.indemnity()).isNull();
		assertThat(consumer.total()).isEqualByComparingTo("1024.30");
	}

	@Test
	void aPlanSplitsTheBalanceIntoMonthlyInstalmentsThatAddUpExactly() {
		List<Instalment> plan = PaymentPlans.split(new BigDecimal("1000.00"), 3, LocalDate.of(2027, 1, 31), 2);

		assertThat(plan).extracting(Instalment::amount).map(BigDecimal::toPlainString)
			.containsExactly("333.33", "333.33", "333.34");
		assertThat(plan).extracting(Instalment::dueDate)
			.containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
		assertThat(plan.getLast().cumulative()).isEqualByComparingTo("1000.00");
	}

	@Test
	void contactTimesCarryTheirOffsetForTheDiagram() {
		assertThat(ContactTimes.format(java.time.Instant.parse("2026-11-24T08:30:00Z"), ZoneId.of("Europe/Paris")))
			.isEqualTo("2026-11-24T09:30:00+01:00");
	}

	private static Invoice invoice(CustomerType type) {
		Customer customer = new Customer("C1", "Atelier Martin", type, "fr", "a@b.fr", null);
		return new Invoice("F-1", customer, Money.of("1000.00", "EUR"), LocalDate.of(2026, 9, 1),
				LocalDate.of(2026, 10, 1), Money.of("1000.00", "EUR"), null);
	}

}
