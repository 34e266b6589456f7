package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.dunning.IntegrationTest;
import io.dunning.channel.NoticeLetter.RatePeriod;
import io.dunning.channel.NoticeLetter;
import io.dunning.escalation.rates.RateTable;
import io.dunning.invoice.Customer;
import io.dunning.invoice.CustomerType;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notices computed on the rate tables as the migration seeds them in the database, with their official figures. */
class SeededRatesTest extends IntegrationTest {

	private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

	@Autowired RateTable rates;
	@Autowired JdbcClient jdbc;

	@Test
	void aNoticeForAnInvoiceDueIn2023CountsEachHalfYearSinceAtItsOwnEcbRatePlusTenPoints() {
		NoticeLetter notice = NoticeTerms.of(invoice(CustomerType.B2B, null), ISSUED, DunningArithmeticTest.NOTICE, rates);

		assertThat(notice.interest().accrued()).containsExactly(
				new RatePeriod(LocalDate.of(2023, 3, 16), LocalDate.of(2023, 6, 30), new BigDecimal("12.50"), 107),
				new RatePeriod(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31), new BigDecimal("14.00"), 184),
				new RatePeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), new BigDecimal("14.50"), 182),
				new RatePeriod(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31), new BigDecimal("14.25"), 184),
				new RatePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), new BigDecimal("13.15"), 181),
				new RatePeriod(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), new BigDecimal("12.15"), 184),
				new RatePeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 2), new BigDecimal("12.15"), 61));
		// 1 000 € × Σ(rate × days) / 36 500 = 1 000 × 14 531.4 / 36 500 = 398.120… €
		assertThat(notice.interest().amount()).isEqualByComparingTo("398.12");
		assertThat(notice.indemnity()).isEqualByComparingTo("40.00");
	}

	@Test
	void aConsumerNoticeIn2026S1StatesTheLegalRateOf262() {
		NoticeLetter notice = NoticeTerms.of(invoice(CustomerType.B2C, null), ISSUED, DunningArithmeticTest.NOTICE, rates);

		assertThat(notice.interest().annualRatePercent()).isEqualByComparingTo("2.62");
		assertThat(NoticeTerms.of(invoice(CustomerType.B2C, null), LocalDate.of(2025, 12, 31), DunningArithmeticTest.NOTICE,
				rates).interest().annualRatePercent()).isEqualByComparingTo("2.76");
	}

	@Test
	void aPublicBuyerOwesTheRateOfTheHalfYearInterestBeganInPlusEightPointsFixedSince2023() {
		NoticeLetter notice = NoticeTerms.of(invoice(CustomerType.B2B, Debtor.PUBLIC_SECTOR), ISSUED,
				DunningArithmeticTest.NOTICE, rates);

		// Interest began on 16 March 2023: ECB 2.50 (2023-S1) plus 8 points, for all 1 083 days.
		assertThat(notice.interest().basis()).isEqualTo(NoticeLetter.InterestBasis.PUBLIC_PROCUREMENT);
		assertThat(notice.interest().accrued()).containsExactly(
				new RatePeriod(LocalDate.of(2023, 3, 16), ISSUED, new BigDecimal("10.50"), 1083));
		// 1 000 € × 10.50 % × 1 083 / 365 = 311.547… €
		assertThat(notice.interest().amount()).isEqualByComparingTo("311.55");
		assertThat(notice.indemnity()).isEqualByComparingTo("40.00");
	}

	@Test
	void everySeededRowNamesItsOfficialSourceAndTheSeedEndsWithTheLastConfirmedHalfYear() {
		List<String> seeded = jdbc.sql("""
				SELECT CONCAT(kind, ' ', starts_on, ' ', rate) FROM interest_rate
				WHERE created_by = 'migration V80' ORDER BY kind, starts_on
				""").query(String.class).list();

		assertThat(seeded).hasSize(22).startsWith("ECB 2021-01-01 0.00").contains("ECB 2023-01-01 2.50",
				"ECB 2026-01-01 2.15", "LEGAL 2021-01-01 0.79", "LEGAL 2023-07-01 4.22", "LEGAL 2025-07-01 2.76")
			.endsWith("LEGAL 2026-01-01 2.62");
		assertThat(jdbc.sql("SELECT source FROM interest_rate WHERE created_by = 'migration V80'").query(String.class)
			.list()).allSatisfy(source -> assertThat(source).matches("(ECB monetary policy decision of|Arrêté du) .+"));
		assertThat(jdbc.sql("SELECT source FROM interest_rate WHERE kind = 'LEGAL' AND starts_on = '2026-01-01'")
			.query(String.class).single()).contains("Arrêté du 15 décembre 2025", "JORF n° 0302 du 26 décembre 2025");
	}

	private static Invoice invoice(CustomerType type, String segment) {
		Customer customer = new Customer("C1", "Atelier Martin", type, "fr", "a@b.fr", null, null, null, null, null,
				segment, null);
		LocalDate due = LocalDate.of(2023, 3, 15);
		return new Invoice("F-2023-1", customer, Money.of("1000.00", "EUR"), due.minusDays(30), due,
				Money.of("1000.00", "EUR"), null);
	}

}
