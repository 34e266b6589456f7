package io.dunning.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterRendererTest {

	private static final String NNBSP = "\u202f";

	private static final String NBSP = "\u00a0";

	private final LetterRenderer renderer = new LetterRenderer(Contacts.properties("Acme SAS"));

	@Test
	void aFrenchBusinessNoticeStatesTheSumsTheInterestAndTheFlatIndemnity() throws IOException {
		byte[] pdf = renderer.render(notice(Locale.FRENCH, new BigDecimal("40.00")));

		String text = text(pdf);
		assertThat(title(pdf)).isEqualTo("Mise en demeure de payer");
		assertThat(text).contains("mise en demeure de payer", "vaut mise en demeure", "Lettre recommandée avec accusé de réception")
			.contains("les factures suivantes demeurent impayées", "F-2026-001", "F-2026-007")
			.contains("1" + NNBSP + "250,00" + NBSP + "€", "310,50" + NBSP + "€")
			.contains("1" + NNBSP + "560,50" + NBSP + "€")
			.contains("12,15" + NBSP + "%", "taux de la Banque centrale", "majoré de 10 points", "au prorata sur 45 jours")
			.contains("23,37" + NBSP + "€")
			.contains("Indemnité forfaitaire pour frais de recouvrement", "D441-5", "40,00" + NBSP + "€")
			.contains("Total dû, intérêts et indemnité forfaitaire compris", "1" + NNBSP + "623,87" + NBSP + "€")
			.contains("8 jours à compter de la réception", "5 décembre 2026", "25 novembre 2026", "1er septembre 2026")
			.contains("RF18F2026001", "Acme SAS")
			.doesNotContain("1231-6", "intérêt légal");
	}

	@Test
	void aPublicBuyersNoticeClaimsMoratoriumInterestAtTheEcbRatePlusEightPointsUnderPublicProcurementLaw()
			throws IOException {
		String french = text(renderer.render(publicBuyerNotice(Locale.FRENCH)));
		String english = text(renderer.render(publicBuyerNotice(Locale.ENGLISH)));

		assertThat(french).contains("Intérêts moratoires au taux annuel de 10,15" + NBSP + "%",
				"en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de 8 points",
				"L2192-13", "R2192-31", "D2192-35", "Code de la commande publique", "au prorata sur 45 jours",
				"Indemnité forfaitaire pour frais de recouvrement", "40,00" + NBSP + "€")
			.doesNotContain("L441-10", "D441-5", "Code de commerce", "10 points");
		assertThat(english).contains("intérêts moratoires", "10.15%", "plus 8 percentage points", "L2192-13",
				"R2192-31", "D2192-35", "French Public Procurement Code")
			.doesNotContain("L441-10", "Commercial Code");
	}

	@Test
	void theLetterIdentifiesBothPartiesInFull() throws IOException {
		String text = text(renderer.render(notice(Locale.FRENCH, new BigDecimal("40.00"))));

		assertThat(text).contains("Acme SAS", "12 rue des Lilas", "75011 Paris", "SIREN 552 100 554",
				"RCS Paris 552 100 554", "01 84 80 12 34", "recouvrement@acme.example")
			.contains("Boulangerie Dupont & Fils", "À l'attention de Jean Dupont", "3 place du Marché", "69002 Lyon",
					"identifiant : 123 456 789");
	}

	@Test
	void aConsumerNoticeClaimsNoInterestYetAndStatesTheLegalRateFromItsDate() throws IOException {
		String french = text(renderer.render(consumerNotice(Locale.FRENCH)));
		String english = text(renderer.render(consumerNotice(Locale.ENGLISH)));

		assertThat(french).contains("la facture suivante demeure impayée", "1" + NNBSP + "250,00" + NBSP + "€")
			.contains("porte intérêts au taux de l'intérêt légal", "2,76" + NBSP + "%", "à compter de la date de la présente")
			.contains("1231-6", "1344-1")
			.doesNotContain("Indemnité forfaitaire", "L441-10", "Banque centrale", "prorata");
		assertThat(english).contains("the following invoice remains unpaid", "€1,250.00", "2.76%", "1231-6", "1344-1")
			.contains("from the date of this formal notice")
			.doesNotContain("Flat-rate indemnity", "€40.00", "European Central Bank", "pro rata");
	}

	@Test
	void interestAcrossTwoHalfYearsStatesEachRateAndItsDays() throws IOException {
		NoticeLetter notice = notice(Locale.FRENCH, new BigDecimal("40.00"));
		NoticeLetter twoRates = new NoticeLetter(notice.addressee(), notice.locale(), notice.issuedOn(),
				notice.paymentDays(), notice.deadline(), notice.invoices(), notice.principal(),
				new NoticeLetter.Interest(NoticeLetter.InterestBasis.COMMERCIAL, new BigDecimal("12.15"), List.of(
						new NoticeLetter.RatePeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), new BigDecimal("12.40"), 30),
						new NoticeLetter.RatePeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 30), new BigDecimal("12.15"), 30)),
						new BigDecimal("23.37")),
				notice.indemnity(), notice.total(), notice.currency(), notice.paymentReference());

		String text = text(renderer.render(twoRates));

		assertThat(text).contains("fixé par semestre", "12,40" + NBSP + "% du 1er juin 2026 au 30 juin 2026 (30 jours)",
				"12,15" + NBSP + "% du 1er juillet 2026 au 30 juillet 2026 (30 jours)")
			.doesNotContain("au prorata sur");
	}

	@Test
	void controlCharactersInANameDoNotBreakTheLetter() throws IOException {
		NoticeLetter spreadsheetName = withAddressee(consumerNotice(Locale.FRENCH), new NoticeLetter.Addressee(
				"Boulangerie\u000bDupont\u0000", "Jean\u0007 Dupont", null, List.of("3 place\u000b du Marché", "69002 Lyon")));

		String text = text(renderer.render(spreadsheetName));

		assertThat(text).contains("Boulangerie Dupont", "Jean Dupont", "3 place du Marché");
	}

	@Test
	void theFontIsEmbeddedInThePdf() throws IOException {
		byte[] pdf = renderer.render(notice(Locale.FRENCH, new BigDecimal("40.00")));

		List<PDFont> fonts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
		}
		assertThat(fonts).isNotEmpty().allSatisfy(font -> {
			assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
			assertThat(font.getName()).contains("DejaVuSans");
		});
	}

	static NoticeLetter notice(Locale locale, BigDecimal indemnity) {
		BigDecimal total = new BigDecimal("1583.87").add(indemnity == null ? BigDecimal.ZERO : indemnity);
		return new NoticeLetter(dupontEtFils(), locale, LocalDate.of(2026, 11, 25), 8, LocalDate.of(2026, 12, 5),
				List.of(new NoticeLetter.Line("F-2026-001", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
						new BigDecimal("1250.00")),
						new NoticeLetter.Line("F-2026-007", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 10, 12),
								new BigDecimal("310.50"))),
				new BigDecimal("1560.50"), new NoticeLetter.Interest(NoticeLetter.InterestBasis.COMMERCIAL,
						new BigDecimal("12.15"), List.of(new NoticeLetter.RatePeriod(LocalDate.of(2026, 10, 12),
								LocalDate.of(2026, 11, 25), new BigDecimal("12.15"), 45)), new BigDecimal("23.37")),
				indemnity, total, Contacts.EUR, "RF18F2026001");
	}

	private static NoticeLetter publicBuyerNotice(Locale locale) {
		return new NoticeLetter(new NoticeLetter.Addressee("Mairie de Villeurbanne", null, "216 902 647",
				List.of("Place Lazare-Goujon", "69100 Villeurbanne")), locale, LocalDate.of(2026, 11, 25), 8,
				LocalDate.of(2026, 12, 5),
				List.of(new NoticeLetter.Line("F-2026-001", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 11),
						new BigDecimal("1250.00"))),
				new BigDecimal("1250.00"), new NoticeLetter.Interest(NoticeLetter.InterestBasis.PUBLIC_PROCUREMENT,
						new BigDecimal("10.15"), List.of(new NoticeLetter.RatePeriod(LocalDate.of(2026, 10, 12),
								LocalDate.of(2026, 11, 25), new BigDecimal("10.15"), 45)), new BigDecimal("15.64")),
				new BigDecimal("40.00"), new BigDecimal("1305.64"), Contacts.EUR, "RF18F2026001");
	}

	private static NoticeLetter consumerNotice(Locale locale) {
		return new NoticeLetter(new NoticeLetter.Addressee("Marie Durand", null, null,
				List.of("8 allée des Tilleuls", "33000 Bordeaux")), locale, LocalDate.of(2026, 11, 25), 8,
				LocalDate.of(2026, 12, 5),
				List.of(new NoticeLetter.Line("F-2026-001", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
						new BigDecimal("1250.00"))),
				new BigDecimal("1250.00"), new NoticeLetter.Interest(NoticeLetter.InterestBasis.LEGAL,
						new BigDecimal("2.76"), List.of(), new BigDecimal("0.00")),
				null, new BigDecimal("1250.00"), Contacts.EUR, "RF18F2026001");
	}

	private static NoticeLetter.Addressee dupontEtFils() {
		return new NoticeLetter.Addressee("Boulangerie Dupont & Fils", "Jean Dupont", "123 456 789",
				List.of("3 place du Marché", "69002 Lyon"));
	}

	private static NoticeLetter withAddressee(NoticeLetter letter, NoticeLetter.Addressee addressee) {
		return new NoticeLetter(addressee, letter.locale(), letter.issuedOn(), letter.paymentDays(), letter.deadline(),
				letter.invoices(), letter.principal(), letter.interest(), letter.indemnity(), letter.total(),
				letter.currency(), letter.paymentReference());
	}

	private static String title(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getDocumentInformation().getTitle();
		}
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// Lines break wherever the layout wrapped them; the assertions are about words, not layout.
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(document).replaceAll("\\s*[\\r\\n]+\\s*", " ");
		}
	}

}
