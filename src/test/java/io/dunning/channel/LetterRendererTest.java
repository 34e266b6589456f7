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

	private final LetterRenderer renderer = new LetterRenderer(new ChannelProperties("Acme SAS", null));

	@Test
	void aFrenchBusinessNoticeStatesTheSumsTheInterestAndTheFlatIndemnity() throws IOException {
		byte[] pdf = renderer.render(notice(Locale.FRENCH, new BigDecimal("40.00")));

		String text = text(pdf);
		assertThat(title(pdf)).isEqualTo("Mise en demeure de payer");
		assertThat(text).contains("mise en demeure de payer", "vaut mise en demeure", "Lettre recommandée avec accusé de réception")
			.contains("F-2026-001", "F-2026-007")
			.contains("1" + NNBSP + "250,00" + NBSP + "€", "310,50" + NBSP + "€")
			.contains("1" + NNBSP + "560,50" + NBSP + "€")
			.contains("12,15" + NBSP + "%", "taux de la Banque centrale", "majoré de 10 points", "au prorata sur 45 jours")
			.contains("23,37" + NBSP + "€")
			.contains("Indemnité forfaitaire pour frais de recouvrement", "D441-5", "40,00" + NBSP + "€")
			.contains("1" + NNBSP + "623,87" + NBSP + "€")
			.contains("8 jours", "3 décembre 2026", "25 novembre 2026", "1er septembre 2026")
			.contains("RF18F2026001", "Boulangerie Dupont & Fils", "Acme SAS");
	}

	@Test
	void anEnglishConsumerNoticeHasNoFlatIndemnity() throws IOException {
		byte[] pdf = renderer.render(notice(Locale.ENGLISH, null));

		String text = text(pdf);
		assertThat(title(pdf)).isEqualTo("Formal notice to pay");
		assertThat(text).contains("formal notice to pay", "€1,250.00", "€1,560.50", "12.15%", "45 days", "€23.37")
			.contains("by 3 December 2026", "25 November 2026")
			.doesNotContain("Flat-rate indemnity", "€40.00", "European Central Bank");
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

	private static NoticeLetter notice(Locale locale, BigDecimal indemnity) {
		BigDecimal total = new BigDecimal("1583.87").add(indemnity == null ? BigDecimal.ZERO : indemnity);
		return new NoticeLetter("Boulangerie Dupont & Fils", locale, LocalDate.of(2026, 11, 25),
				LocalDate.of(2026, 12, 3),
				List.of(new NoticeLetter.Line("F-2026-001", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
						new BigDecimal("1250.00")),
						new NoticeLetter.Line("F-2026-007", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 10, 12),
								new BigDecimal("310.50"))),
				new BigDecimal("1560.50"), new BigDecimal("12.15"), 45, new BigDecimal("23.37"), indemnity, total,
				Contacts.EUR, "RF18F2026001");
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
