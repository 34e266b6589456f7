package io.dunning.payment;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.dunning.invoice.Money;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentController {

	private final PaymentIntake intake;

	PaymentController(PaymentIntake intake) {
		this.intake = intake;
	}

	record PaymentRequest(String reference, String invoiceNumber, BigDecimal amount, String currency, LocalDate paidOn) {
	}

	record PaymentResult(String reference, boolean created) {
	}

	@PostMapping("/api/payments")
	ResponseEntity<PaymentResult> receive(@RequestBody PaymentRequest request, Principal user) {
		boolean created = intake.receive(validate(request), user.getName());
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new PaymentResult(request.reference(), created));
	}

	private static Payment validate(PaymentRequest request) {
		List<InputError> errors = new ArrayList<>();
		if (request.reference() == null || request.reference().isBlank() || request.reference().length() > 128) {
			errors.add(InputError.field("reference", "required, at most 128 characters"));
		}
		if (request.invoiceNumber() == null || request.invoiceNumber().isBlank()) {
			errors.add(InputError.field("invoiceNumber", "required"));
		}
		Currency currency = null;
		try {
			currency = request.currency() == null ? null : Currency.getInstance(request.currency());
		}
		catch (IllegalArgumentException e) {
			errors.add(InputError.field("currency", "'" + request.currency() + "' is not an ISO 4217 code"));
		}
		if (request.currency() == null) {
			errors.add(InputError.field("currency", "required, an ISO 4217 code such as EUR"));
		}
		if (request.amount() == null || request.amount().signum() <= 0) {
			errors.add(InputError.field("amount", "required, greater than 0"));
		}
		else if (currency != null
				&& request.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
			errors.add(InputError.field("amount", "has more decimals than " + currency.getCurrencyCode() + " allows"));
		}
		if (request.paidOn() == null) {
			errors.add(InputError.field("paidOn", "required, a date such as 2026-01-31"));
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
		return new Payment(request.reference().strip(), request.invoiceNumber().strip(),
				new Money(request.amount(), currency), request.paidOn());
	}

}
