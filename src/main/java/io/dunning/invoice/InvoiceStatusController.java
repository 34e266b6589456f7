package io.dunning.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dunning.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InvoiceStatusController {

	private final InvoiceCatalog invoices;
	private final CaseProgress cases;
	private final OverdueRule overdue;

	InvoiceStatusController(InvoiceCatalog invoices, CaseProgress cases, OverdueRule overdue) {
		this.invoices = invoices;
		this.cases = cases;
		this.overdue = overdue;
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record InvoiceStatus(String invoiceNumber, String customerName, BigDecimal amount, BigDecimal balance,
			String currency, LocalDate dueDate, String status, @JsonProperty("case") CaseProgress.Snapshot kase) {
	}

	@GetMapping("/api/invoices/{number}")
	InvoiceStatus status(@PathVariable String number) {
		Invoice invoice = invoices.find(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
		return new InvoiceStatus(invoice.number(), invoice.customer().name(), invoice.amount().amount(),
				invoice.balance().amount(), invoice.amount().currency().getCurrencyCode(), invoice.dueDate(),
				status(invoice), cases.of(number).orElse(null));
	}

	private String status(Invoice invoice) {
		if (invoice.isCancelled()) {
			return "CANCELLED";
		}
		if (invoice.isSettled()) {
			return "PAID";
		}
		return overdue.isOverdue(invoice) ? "OVERDUE" : "OPEN";
	}

}
