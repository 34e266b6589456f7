package io.dunning.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dunning.web.InputError;

/** Turns one row of text fields (from CSV or JSON) into an invoice, or into the list of what is wrong with it. */
final class InvoiceRowParser {

	private final RowFields fields;
	private final DateWindow dates;

	private InvoiceRowParser(RowFields fields, DateWindow dates) {
		this.fields = fields;
		this.dates = dates;
	}

	record Result(Invoice invoice, List<InputError> errors) {
	}

	static Result parse(int row, Map<IntakeField, String> values, boolean csv, DateWindow dates) {
		RowFields fields = new RowFields(row, values, csv);
		Invoice invoice = new InvoiceRowParser(fields, dates).invoice();
		return new Result(fields.valid() ? invoice : null, fields.errors());
	}

	private Invoice invoice() {
		String number = fields.required(IntakeField.INVOICE_NUMBER, InvoiceNumberFormat.MAX_LENGTH);
		if (number != null) {
			InvoiceNumberFormat.problemWith(number).ifPresent(problem -> fields.error(IntakeField.INVOICE_NUMBER, problem));
		}
		Customer customer = CustomerRowParser.parse(fields);
		Currency currency = fields.choice(IntakeField.CURRENCY, MoneyInput::currency, "an ISO 4217 code such as EUR");
		BigDecimal amount = amount(IntakeField.AMOUNT, currency, true);
		LocalDate issued = date(IntakeField.ISSUE_DATE);
		LocalDate due = date(IntakeField.DUE_DATE);
		if (issued != null && due != null && due.isBefore(issued)) {
			fields.error(IntakeField.DUE_DATE, "must not be before the issue date " + issued);
		}
		BigDecimal balance = fields.present(IntakeField.BALANCE) ? amount(IntakeField.BALANCE, currency, false) : amount;
		if (balance != null && amount != null && balance.compareTo(amount) > 0) {
			fields.error(IntakeField.BALANCE, "must not exceed the amount " + amount.toPlainString());
		}
		if (!fields.valid()) {
			return null;
		}
		return new Invoice(number, customer, new Money(amount, currency), issued, due, new Money(balance, currency),
				null);
	}

	private BigDecimal amount(IntakeField field, Currency currency, boolean strictlyPositive) {
		String value = fields.required(field, 64);
		if (value == null) {
			return null;
		}
		try {
			BigDecimal amount = MoneyInput.amount(value, currency);
			if (strictlyPositive ? amount.signum() <= 0 : amount.signum() < 0) {
				fields.error(field, strictlyPositive ? "must be greater than 0" : "must not be negative");
				return null;
			}
			return currency == null ? null : amount;
		}
		catch (IllegalArgumentException e) {
			fields.error(field, e.getMessage());
			return null;
		}
	}

	private LocalDate date(IntakeField field) {
		if (!fields.present(field)) {
			fields.error(field, "required, a date such as 2026-01-31");
			return null;
		}
		String value = fields.optional(field, 32);
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			Optional<String> problem = dates.problemWith(date);
			problem.ifPresent(p -> fields.error(field, p));
			return problem.isPresent() ? null : date;
		}
		catch (DateTimeParseException e) {
			fields.error(field, "'" + value + "' is not a date such as 2026-01-31");
			return null;
		}
	}

}
