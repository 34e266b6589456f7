package io.dunning.dunning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaseStatusController {

	private final InvoiceCatalog invoices;
	private final Cases cases;
	private final DunningProperties properties;
	private final Clock clock;

	CaseStatusController(InvoiceCatalog invoices, Cases cases, DunningProperties properties, Clock clock) {
		this.invoices = invoices;
		this.cases = cases;
		this.properties = properties;
		this.clock = clock;
	}

	record CaseView(CaseStatus status, String currentStep, Integer processVersion) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record InvoiceStatus(String invoiceNumber, String customerName, BigDecimal amount, BigDecimal balance,
			String currency, LocalDate dueDate, String status, @JsonProperty("case") CaseView kase) {
	}

	@GetMapping("/api/invoices/{number}")
	InvoiceStatus status(@PathVariable String number) {
		Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
		CaseView kase = cases.findByInvoice(number)
			.map(c -> new CaseView(c.status(), c.currentStep(), c.processVersion()))
			.orElse(null);
		return new InvoiceStatus(invoice.number(), invoice.customer().name(), invoice.amount().amount(),
				invoice.balance().amount(), invoice.amount().currency().getCurrencyCode(), invoice.dueDate(),
				status(invoice), kase);
	}

	private String status(Invoice invoice) {
		if (invoice.isCancelled()) {
			return "CANCELLED";
		}
		if (invoice.isSettled()) {
			return "PAID";
		}
		return invoice.dueDate().isBefore(LocalDate.now(clock.withZone(properties.zone()))) ? "OVERDUE" : "OPEN";
	}

}
