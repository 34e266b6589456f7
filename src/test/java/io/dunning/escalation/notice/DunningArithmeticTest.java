package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dunning.channel.ContactRequest;
import io.dunning.channel.NoticeLetter;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.plan.Instalment;
import io.dunning.escalation.plan.PaymentPlans;
import io.dunning.escalation.rates.HalfYear;
import io.dunning.escalation.rates.MissingRateException;
import io.dunning.escalation.rates.RateKind;
import io.dunning.escalation.rates.Rates;
import io.dunning.escalation.steps.ContactFacts;
import io.dunning.escalation.steps.ContactTimes;
import io.dunning.invoice.Customer;
import io.dunning.invoice.CustomerType;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.Money;
import io.dunning.invoice.PostalAddress;
import org.junit.jupiter.api.Test;

class DunningArithmeticTest {

	static final DunningProperties.Notice NOTICE = new DunningProperties.Notice(new BigDecimal("40.00"), 8, 2);

	/** Rate tables from 2025-S2 to 2026-S2 (the legal one from 2026-S1), with made-up figures. */
	static final Rates RATES = table(Map.of("ECB 2025-S2", "2.15", "ECB 2026-S1", "2.40", "ECB 2026-S2", "2.15",
			"LEGAL 2026-S1", "3.10", "LEGAL 2026-S2", "2.76"));

	@Test
	void paymentReferenceIsAValidIso11649CreditorReference() {
		assertThat(PaymentReference.of("539007547034")).isEqualTo("RF18539007547034");
		assertThat(PaymentReference.of("F-2026-0412")).startsWith("RF").endsWith("F20260412");
	}

	@Test
	void lateInterestIsTheEcbRatePlusTenPointsProRata() {
		assertThat(LateInterest.commercialRate(RATES, new HalfYear(2026, 2))).isEqualByComparingTo("12.15");
		// 1 000 € at 12.15 % for 73 days = 1000 × 0.1215 × 73 / 365 = 24.30 €
		List<NoticeLetter.RatePeriod> periods = LateInterest.commercial(RATES, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 12, 13));
		assertThat(periods).containsExactly(new NoticeLetter.RatePeriod(LocalDate.of(2026, 10, 2),
				LocalDate.of(2026, 12, 13), new BigDecimal("12.15"), 73));
		assertThat(LateInterest.on(new BigDecimal("1000.00"), periods, 2)).isEqualByComparingTo("24.30");
		assertThat(LateInterest.commercial(RATES, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1))).isEmpty();
	}

	@Test
	void eachHalfYearBearsItsOwnRate() {
		List<NoticeLetter.RatePeriod> periods = LateInterest.commercial(RATES, LocalDate.of(2026, 5, 31),
				LocalDate.of(2026, 7, 30));

		assertThat(periods).containsExactly(
				new NoticeLetter.RatePeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), new BigDecimal("12.40"), 30),
				new NoticeLetter.RatePeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 30), new BigDecimal("12.15"), 30));
		// 1 000 € × (12.40 % × 30 + 12.15 % × 30) / 365 = 20.178… €
		assertThat(LateInterest.on(new BigDecimal("1000.00"), periods, 2)).isEqualByComparingTo("20.18");
	}

	@Test
	void aBusinessNoticeClaimsTheEcbRatePlusTenPointsSinceTheDueDateAndTheFlatIndemnity() {
		LocalDate issued = LocalDate.of(2026, 12, 13);
		NoticeLetter business = NoticeTerms.of(invoice(CustomerType.B2B, "2026-10-01"), issued, NOTICE, RATES);

		assertThat(business.business()).isTrue();
		assertThat(business.interest().basis()).isEqualTo(NoticeLetter.InterestBasis.COMMERCIAL);
		assertThat(business.interest().annualRatePercent()).isEqualByComparingTo("12.15");
		assertThat(business.interest().days()).isEqualTo(73);
		assertThat(business.interest().amount()).isEqualByComparingTo("24.30");
		assertThat(business.indemnity()).isEqualByComparingTo("40.00");
		assertThat(business.total()).isEqualByComparingTo("1064.30");
	}

	@Test
	void aConsumerNoticeClaimsNoInterestBeforeTheNoticeAndNoIndemnity() {
		LocalDate issued = LocalDate.of(2026, 12, 13);
		NoticeLetter consumer = NoticeTerms.of(invoice(CustomerType.B2C, "2026-10-01"), issued, NOTICE, RATES);

		assertThat(consumer.business()).isFalse();
		assertThat(consumer.interest().basis()).isEqualTo(NoticeLetter.InterestBasis.LEGAL);
		assertThat(consumer.interest().amount()).isZero();
		assertThat(consumer.interest().days()).isZero();
		// The legal rate for a professional creditor in force on the notice's date: it runs from the notice on.
		assertThat(consumer.interest().annualRatePercent()).isEqualByComparingTo("2.76");
		assertThat(consumer.indemnity()).isNull();
		assertThat(consumer.total()).isEqualByComparingTo("1000.00");
	}

	@Test
	void eachRateIsTheOneInForceOnItsDay() {
		NoticeLetter dueInSpring = NoticeTerms.of(invoice(CustomerType.B2B, "2026-03-01"), LocalDate.of(2026, 5, 30), NOTICE, RATES);
		NoticeLetter dueInSpringNoticeInSummer = NoticeTerms.of(invoice(CustomerType.B2B, "2026-03-01"),
				LocalDate.of(2026, 7, 30), NOTICE, RATES);
		NoticeLetter consumerInSpring = NoticeTerms.of(invoice(CustomerType.B2C, "2026-03-01"), LocalDate.of(2026, 5, 30),
				NOTICE, RATES);

		assertThat(dueInSpring.interest().annualRatePercent()).isEqualByComparingTo("12.40");
		assertThat(dueInSpringNoticeInSummer.interest().accrued()).extracting(NoticeLetter.RatePeriod::annualRatePercent)
			.map(BigDecimal::toPlainString).containsExactly("12.40", "12.15");
		assertThat(dueInSpringNoticeInSummer.interest().days()).isEqualTo(151);
		assertThat(consumerInSpring.interest().annualRatePercent()).isEqualByComparingTo("3.10");
	}

	@Test
	void aHalfYearWithoutItsRateStopsTheNoticeInsteadOfBorrowingAnotherOnesRate() {
		// Due in 2025-S1, which the ECB table lacks: its later half-years must not stand in for it.
		assertThatThrownBy(() -> NoticeTerms.of(invoice(CustomerType.B2B, "2025-03-01"), LocalDate.of(2026, 2, 1),
				NOTICE, RATES))
			.isInstanceOfSatisfying(MissingRateException.class, missing -> {
				assertThat(missing.kind()).isEqualTo(RateKind.ECB);
				assertThat(missing.halfYear()).isEqualTo(new HalfYear(2025, 1));
			})
			.hasMessageContaining("No ECB rate for 2025-S1");
		// A consumer's notice in 2027-S1, after the legal table's last half-year, does not print 2026-S2's rate.
		assertThatThrownBy(() -> NoticeTerms.of(invoice(CustomerType.B2C, "2026-10-01"), LocalDate.of(2027, 1, 4),
				NOTICE, RATES))
			.isInstanceOfSatisfying(MissingRateException.class,
					missing -> assertThat(missing.halfYear()).isEqualTo(new HalfYear(2027, 1)))
			.hasMessageContaining("No LEGAL rate for 2027-S1");
	}

	@Test
	void aPublicBuyerOwesTheEcbRateOfTheHalfYearInterestBeganInPlusEightPointsForTheWholeTime() {
		NoticeLetter notice = NoticeTerms.of(publicBuyerInvoice("2026-05-31"), LocalDate.of(2026, 7, 30), NOTICE, RATES);

		assertThat(notice.interest().basis()).isEqualTo(NoticeLetter.InterestBasis.PUBLIC_PROCUREMENT);
		// Interest began to run on 1 June, in 2026-S1 (ECB 2.40): 10.40 % for all 60 days, July's days included.
		assertThat(notice.interest().accrued()).containsExactly(new NoticeLetter.RatePeriod(LocalDate.of(2026, 6, 1),
				LocalDate.of(2026, 7, 30), new BigDecimal("10.40"), 60));
		assertThat(notice.interest().annualRatePercent()).isEqualByComparingTo("10.40");
		// 1 000 € × 10.40 % × 60 / 365 = 17.095… €
		assertThat(notice.interest().amount()).isEqualByComparingTo("17.10");
		assertThat(notice.indemnity()).isEqualByComparingTo("40.00");
		assertThat(notice.total()).isEqualByComparingTo("1057.10");
		assertThat(notice.business()).isTrue();

		// Due on 30 June, interest begins on 1 July: the rate is 2026-S2's (ECB 2.15), plus 8 points.
		NoticeLetter dueEndOfJune = NoticeTerms.of(publicBuyerInvoice("2026-06-30"), LocalDate.of(2026, 7, 30), NOTICE,
				RATES);
		assertThat(dueEndOfJune.interest().annualRatePercent()).isEqualByComparingTo("10.15");
		assertThat(dueEndOfJune.interest().days()).isEqualTo(30);
	}

	@Test
	void theRemindersKnowAPublicBuyerFromABusinessAndAConsumer() {
		ContactRequest.Recipient publicBuyer = ContactFacts.recipient(publicBuyerInvoice("2026-05-31").customer());
		ContactRequest.Recipient business = ContactFacts.recipient(invoice(CustomerType.B2B, "2026-05-31").customer());
		ContactRequest.Recipient consumer = ContactFacts.recipient(invoice(CustomerType.B2C, "2026-05-31").customer());

		assertThat(List.of(publicBuyer.business(), publicBuyer.publicBuyer())).containsExactly(true, true);
		assertThat(List.of(business.business(), business.publicBuyer())).containsExactly(true, false);
		assertThat(List.of(consumer.business(), consumer.publicBuyer())).containsExactly(false, false);
	}

	@Test
	void theDeadlineCountsItsDaysFromTheDayTheLetterIsDeemedReceived() {
		NoticeLetter notice = NoticeTerms.of(invoice(CustomerType.B2B, "2026-10-01"), LocalDate.of(2026, 12, 13), NOTICE, RATES);

		assertThat(notice.paymentDays()).isEqualTo(8);
		assertThat(notice.deadline()).isEqualTo(LocalDate.of(2026, 12, 23));
	}

	@Test
	void theLetterNamesTheCustomerWithItsIdentificationAndAddress() {
		Customer customer = new Customer("C1", "Atelier Martin SARL", CustomerType.B2B, "fr", "a@b.fr", null,
				new PostalAddress("4 rue Neuve", "Bâtiment B", "1000", "Bruxelles", "BE"), "BE0123456789",
				"Claire Martin", null, null, null);
		Invoice invoice = new Invoice("F-1", customer, Money.of("1000.00", "EUR"), LocalDate.of(2026, 9, 1),
				LocalDate.of(2026, 10, 1), Money.of("1000.00", "EUR"), null);

		NoticeLetter.Addressee addressee = NoticeTerms.of(invoice, LocalDate.of(2026, 12, 13), NOTICE, RATES).addressee();

		assertThat(addressee).isEqualTo(new NoticeLetter.Addressee("Atelier Martin SARL", "Claire Martin",
				"BE0123456789", List.of("4 rue Neuve", "Bâtiment B", "1000 Bruxelles", "BELGIQUE")));
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

	private static Invoice invoice(CustomerType type, String dueDate) {
		Customer customer = new Customer("C1", "Atelier Martin", type, "fr", "a@b.fr", null);
		LocalDate due = LocalDate.parse(dueDate);
		return new Invoice("F-1", customer, Money.of("1000.00", "EUR"), due.minusDays(30), due,
				Money.of("1000.00", "EUR"), null);
	}

	private static Invoice publicBuyerInvoice(String dueDate) {
		Customer customer = new Customer("C2", "Mairie de Villeurbanne", CustomerType.B2B, "fr", "compta@mairie.example",
				null, null, null, null, null, Debtor.PUBLIC_SECTOR, null);
		LocalDate due = LocalDate.parse(dueDate);
		return new Invoice("F-2", customer, Money.of("1000.00", "EUR"), due.minusDays(30), due,
				Money.of("1000.00", "EUR"), null);
	}

	static Rates table(Map<String, String> rows) {
		return (kind, halfYear) -> Optional.ofNullable(rows.get(kind + " " + halfYear))
			.map(BigDecimal::new)
			.orElseThrow(() -> new MissingRateException(kind, halfYear));
	}

}
