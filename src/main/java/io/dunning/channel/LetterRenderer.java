package io.dunning.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Service;

/**
 * Renders the formal notice (mise en demeure) to PDF, in French or English. DejaVu Sans is embedded, so the letter
 * prints and archives the same everywhere instead of leaning on the reader's Helvetica.
 */
@Service
public class LetterRenderer {

	private static final String FONT_FAMILY = "DejaVu Sans";

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\x{FFFE}\\x{FFFF}]+");

	private final ChannelProperties properties;

	LetterRenderer(ChannelProperties properties) {
		this.properties = properties;
	}

	public byte[] render(NoticeLetter letter) {
		LocalFormats formats = LocalFormats.of(letter.locale(), letter.currency());
		String path = "templates/letters/formal-notice." + formats.language() + ".html";
		Map<String, String> values = values(letter, formats);
		String html = Placeholders.fill(path, resource(path), values::get, (format, raw) -> {
			throw new IllegalArgumentException(path + " formats nothing itself: the letter's values are typed");
		});
		return toPdf(html);
	}

	private Map<String, String> values(NoticeLetter letter, LocalFormats formats) {
		ChannelProperties.Creditor creditor = properties.creditor();
		NoticeLetter.Addressee addressee = letter.addressee();
		Map<String, String> values = new HashMap<>();
		values.put("style", resource("templates/letters/style.css"));
		values.put("companyName", escape(properties.companyName()));
		values.put("creditorAddress", lines(creditor.address()));
		values.put("creditorSiren", escape(creditor.siren()));
		values.put("creditorRcs", escape(creditor.rcs()));
		values.put("collectionPhone", escape(creditor.collectionPhone()));
		values.put("collectionEmail", escape(creditor.collectionEmail()));
		values.put("customerName", escape(addressee.name()));
		values.put("contactPerson", present(addressee.contactPerson()));
		values.put("customerCompanyId", present(addressee.companyId()));
		values.put("customerAddress", lines(addressee.postalAddress()));
		values.put("issuedOn", formats.date(letter.issuedOn()));
		values.put("deadline", formats.date(letter.deadline()));
		values.put("paymentDays", Integer.toString(letter.paymentDays()));
		values.put("oneInvoice", letter.invoices().size() == 1 ? "yes" : null);
		values.put("severalInvoices", letter.invoices().size() > 1 ? "yes" : null);
		values.put("invoiceRows", letter.invoices().stream()
			.map(line -> "<tr><td>" + escape(line.number()) + "</td><td>" + formats.date(line.issueDate())
					+ "</td><td>" + formats.date(line.dueDate()) + "</td><td class=\"amount\">"
					+ formats.money(line.balance()) + "</td></tr>")
			.collect(Collectors.joining()));
		values.put("principal", formats.money(letter.principal()));
		values.put("business", letter.business() ? "yes" : null);
		values.put("consumer", letter.business() ? null : "yes");
		// The law the claim rests on: the Code de commerce between businesses, public procurement for a public buyer.
		values.put("commercial", letter.interest().basis() == NoticeLetter.InterestBasis.COMMERCIAL ? "yes" : null);
		values.put("publicProcurement",
				letter.interest().basis() == NoticeLetter.InterestBasis.PUBLIC_PROCUREMENT ? "yes" : null);
		values.put("rate", formats.percent(letter.interest().annualRatePercent()));
		values.put("daysLate", Long.toString(letter.interest().days()));
		List<NoticeLetter.RatePeriod> accrued = letter.interest().accrued();
		values.put("singleRate", accrued.size() <= 1 ? "yes" : null);
		values.put("severalRates", accrued.size() > 1 ? "yes" : null);
		values.put("ratePeriods", accrued.stream().map(p -> period(p, formats)).collect(Collectors.joining(", ")));
		values.put("interest", formats.money(letter.interest().amount()));
		values.put("indemnity", letter.indemnity() == null ? null : formats.money(letter.indemnity()));
		values.put("total", formats.money(letter.total()));
		values.put("paymentReference", escape(letter.paymentReference()));
		return values;
	}

	private static String period(NoticeLetter.RatePeriod period, LocalFormats formats) {
		boolean french = LocalFormats.isFrench(formats.locale());
		return formats.percent(period.annualRatePercent()) + (french ? " du " : " from ") + formats.date(period.from())
				+ (french ? " au " : " to ") + formats.date(period.to()) + " (" + period.days()
				+ (french ? " jours)" : " days)");
	}

	private static String present(String text) {
		return text == null || text.isBlank() ? null : escape(text);
	}

	private static String lines(List<String> lines) {
		return lines.stream().map(LetterRenderer::escape).collect(Collectors.joining("<br/>"));
	}

	private static byte[] toPdf(String html) {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> stream("fonts/DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> stream("fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.withHtmlContent(html, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException("the notice letter did not render", e);
		}
		return pdf.toByteArray();
	}

	/**
	 * The template is XHTML: customer-supplied text must not open a tag or an entity, and XML refuses control
	 * characters (a vertical tab is how a spreadsheet exports a line break inside a cell), so each run of them becomes
	 * one space.
	 */
	static String escape(String text) {
		return CONTROL.matcher(text).replaceAll(" ").strip()
			.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String resource(String path) {
		try (InputStream in = stream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static InputStream stream(String path) {
		InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("missing resource " + path);
		}
		return in;
	}

}
