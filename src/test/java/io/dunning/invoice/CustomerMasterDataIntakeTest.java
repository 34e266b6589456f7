package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Intake carries the customer master data a formal letter needs, and files in the first format still import. */
class CustomerMasterDataIntakeTest extends IntegrationTest {

	static final String FULL_HEADER = "invoice_number,customer_id,customer_name,customer_type,language,email,phone,"
			+ "amount,currency,issue_date,due_date,address_line1,address_line2,postcode,city,country,company_id,"
			+ "contact_person,portfolio_owner,segment,risk_class";

	@Autowired
	InvoiceCatalog catalog;

	Dunning dunning;
	Api integrator;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
		integrator = dunning.as("integrator");
	}

	@Test
	void aCsvWithTheMasterDataColumnsStoresAddressCompanyIdContactOwnerSegmentAndRisk() {
		String number = Dunning.newInvoiceNumber("MD");
		LocalDate due = dunning.today().plusDays(20);
		String csv = FULL_HEADER + "\n" + number + ",C-" + number + ",\"Atelier Martin, SARL\",B2B,fr,compta@martin.fr,,"
				+ "1250.00,EUR,2026-01-01," + due + ",12 rue des Lilas,Bâtiment B,69003,Lyon,fr,732 829 320,"
				+ "Claire Martin,collector,PME,B\n";

		Api.Response response = integrator.upload("/api/invoices/import", "md.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		Customer customer = catalog.find(number).orElseThrow().customer();
		assertThat(customer.address()).isEqualTo(new PostalAddress("12 rue des Lilas", "Bâtiment B", "69003", "Lyon", "FR"));
		assertThat(customer.companyId()).isEqualTo("732829320");
		assertThat(customer.contactPerson()).isEqualTo("Claire Martin");
		assertThat(customer.portfolioOwner()).isEqualTo("collector");
		assertThat(customer.segment()).isEqualTo("PME");
		assertThat(customer.riskClass()).isEqualTo("B");
		assertThat(customer.hasPostalAddress()).isTrue();
	}

	@Test
	void jsonTakesTheMasterDataFieldsAndAFrenchVatNumber() {
		String number = Dunning.newInvoiceNumber("MDJ");
		Map<String, Object> invoice = dunning.invoice(number, dunning.today().plusDays(20), "80.00", "B2B");
		invoice.putAll(Map.of("addressLine1", "3 place Bellecour", "postcode", "69002", "city", "Lyon", "country", "FR",
				"companyId", "FR44732829320", "contactPerson", "M. Durand"));

		Api.Response response = integrator.post("/api/invoices", invoice);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		Customer customer = catalog.find(number).orElseThrow().customer();
		assertThat(customer.companyId()).isEqualTo("FR44732829320");
		assertThat(customer.address().city()).isEqualTo("Lyon");
		assertThat(customer.contactPerson()).isEqualTo("M. Durand");
	}

	@Test
	void badMasterDataIsNamedFieldByField() {
		String number = Dunning.newInvoiceNumber("MDBAD");
		LocalDate due = dunning.today().plusDays(20);
		String csv = FULL_HEADER + "\n"
				+ number + "-1,C-" + number + "-1,A,B2B,fr,a@b.fr,,1.00,EUR,2026-01-01," + due
				+ ",1 rue A,,75001,Paris,XX,732829321,,,,\n"
				+ number + "-2,C-" + number + "-2,B,B2B,fr,a@b.fr,,1.00,EUR,2026-01-01," + due
				+ ",1 rue B,,,,FR,73282932000075,,jean dupont,,\n"
				+ number + "-3,C-" + number + "-3,C,B2B,fr,a@b.fr,,1.00,EUR,2026-01-01," + due
				+ ",,,,,,FR45732829320,,,,\n";

		Api.Response response = integrator.upload("/api/invoices/import", "bad.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(400);
		assertThat(HostileInputTest.fields(response)).containsExactlyInAnyOrder("1:country", "1:company_id",
				"2:postcode", "2:city", "2:company_id", "2:portfolio_owner", "3:company_id");
	}

	@Test
	void aFileInTheFirstFormatImportsUnchanged() throws IOException {
		byte[] file = Files.readAllBytes(Path.of("src/test/resources/intake/first-format.csv"));

		Api.Response response = integrator.upload("/api/invoices/import", "invoices.csv", file);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.body().get("created").asInt() + response.body().get("unchanged").asInt()).isEqualTo(4);
		assertThat(catalog.find("F-2026-0412").orElseThrow().customer().name()).isEqualTo("Atelier Martin, SARL");
	}

	@Test
	void theTourFileImports() throws IOException {
		byte[] file = Files.readAllBytes(Path.of("src/docs/tour/invoices.csv"));

		Api.Response response = integrator.upload("/api/invoices/import", "invoices.csv", file);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.body().get("created").asInt() + response.body().get("unchanged").asInt()).isEqualTo(4);
	}

	@Test
	void aLaterFileInTheFirstFormatKeepsTheStoredMasterDataAndANewAddressUpdatesIt() {
		String number = Dunning.newInvoiceNumber("KEEP");
		LocalDate due = dunning.today().plusDays(20);
		String row = number + ",C-" + number + ",Keep Co,B2B,fr,a@b.fr,,10.00,EUR,2026-01-01," + due;
		upload(FULL_HEADER + "\n" + row + ",1 rue A,,75001,Paris,FR,,,,,\n");

		Api.Response firstFormat = upload(InvoiceIntakeTest.HEADER + "\n" + row + "\n");
		assertThat(firstFormat.body().get("unchanged").asInt()).isEqualTo(1);
		assertThat(firstFormat.body().get("customersUpdated").asInt()).isZero();
		assertThat(catalog.find(number).orElseThrow().customer().address().city()).isEqualTo("Paris");

		Api.Response moved = upload(FULL_HEADER + "\n" + row + ",2 quai B,,69001,Lyon,FR,,,,,\n");
		assertThat(moved.body().get("unchanged").asInt()).isEqualTo(1);
		assertThat(moved.body().get("customersUpdated").asInt()).isEqualTo(1);
		assertThat(catalog.find(number).orElseThrow().customer().address().city()).isEqualTo("Lyon");
	}

	private Api.Response upload(String csv) {
		Api.Response response = integrator.upload("/api/invoices/import", "f.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response;
	}

}
