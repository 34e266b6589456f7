package io.dunning.payment;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;

import io.dunning.invoice.DateWindow;
import io.dunning.invoice.InvoiceNumberFormat;
import io.dunning.invoice.Money;
import io.dunning.invoice.MoneyInput;
import io.dunning.web.InputError;
import io.dunning.web.InputErrors;
import io.dunning.web.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentController {

	private final PaymentIntake intake;
	private final Clock clock;
	private final ZoneId zone;

	PaymentController(PaymentIntake intake, Clock clock, @Value("${dunning.zone}") ZoneId zone) {
		this.intake = intake;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Every field as text: a JSON number keeps its own digits (no double on the way), and each bad field is reported
	 * with the others rather than failing the whole body at the first one.
	 */
	record PaymentRequest(String reference, String invoiceNumber, String amount, String currency, String paidOn) {
	}

	record PaymentResult(String reference, boolean created) {
	}

	@PostMapping("/api/payments")
	ResponseEntity<PaymentResult> receive(@RequestBody PaymentRequest request, Principal user) {
		Payment payment = validate(request);
		boolean created;
		try {
			created = intake.receive(payment, user.getName());
		}
		catch (DuplicateKeyException e) {
			// The same payment sent twice at once: the other request stored it between this one's look-up and its
			// insert. Asked again, in a new transaction, it is known, and answered as any repeated payment is.
			created = intake.receive(payment, user.getName());
		}
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new PaymentResult(payment.reference(), created));
	}

	private Payment validate(PaymentRequest request) {
		InputErrors errors = new InputErrors();
		String reference = text("reference", request.reference(), 128, errors);
		String invoiceNumber = text("invoiceNumber", request.invoiceNumber(), InvoiceNumberFormat.MAX_LENGTH, errors);
		if (invoiceNumber != null) {
			InvoiceNumberFormat.problemWith(invoiceNumber)
				.ifPresent(problem -> errors.add(InputError.field("invoiceNumber", problem)));
		}
		Currency currency = null;
		String code = text("currency", request.currency(), 8, errors);
		if (code != null) {
			try {
				currency = MoneyInput.currency(code);
			}
			catch (IllegalArgumentException e) {
				errors.add(InputError.field("currency", e.getMessage()));
			}
		}
		BigDecimal amount = null;
		String amountText = text("amount", request.amount(), 64, errors);
		if (amountText != null) {
			try {
				amount = MoneyInput.amount(amountText, currency);
				if (amount.signum() <= 0) {
					errors.add(InputError.field("amount", "must be greater than 0"));
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(InputError.field("amount", e.getMessage()));
			}
		}
		LocalDate paidOn = paidOn(request.paidOn(), errors);
		errors.throwIfAny();
		return new Payment(reference, invoiceNumber, new Money(amount, currency), paidOn);
	}

	private LocalDate paidOn(String value, InputErrors errors) {
		String text = text("paidOn", value, 32, errors);
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			Optional<String> problem = DateWindow.upTo(LocalDate.now(clock.withZone(zone))).problemWith(date);
			problem.ifPresent(p -> errors.add(InputError.field("paidOn", p)));
			return date;
		}
		catch (DateTimeParseException e) {
			errors.add(InputError.field("paidOn", "'" + text + "' is not a date such as 2026-01-31"));
			return null;
		}
	}

	/** The stripped text, or null after recording why it cannot be used. */
	private static String text(String field, String value, int maxLength, InputErrors errors) {
		if (value == null || value.isBlank()) {
			errors.add(InputError.field(field, "required, at most " + maxLength + " characters"));
			return null;
		}
		String text = value.strip();
		Optional<String> problem = TextInput.problemWith(text);
		if (problem.isPresent()) {
			errors.add(InputError.field(field, problem.get()));
			return null;
		}
		if (text.length() > maxLength) {
			errors.add(InputError.field(field, "longer than " + maxLength + " characters"));
			return null;
		}
		return text;
	}

}
