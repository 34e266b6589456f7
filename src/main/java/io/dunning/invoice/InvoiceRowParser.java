package io.dunning.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.dunning.web.InputError;

/** Turns one row of text fields (from CSV or JSON) into an invoice, or into the list of what is wrong with it. */
final class InvoiceRowParser {

	private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private final int row;
	private final Map<IntakeField, String> fields;
	private final boolean csv;
	private final List<InputError> errors = new ArrayList<>();

	private InvoiceRowParser(int row, Map<IntakeField, String> fields, boolean csv) {
		this.row = row;
		this.fields = fields;
		this.csv = csv;
	}

	record Result(Invoice invoice, List<InputError> errors) {
	}

	static Result parse(int row, Map<IntakeField, String> fields, boolean csv) {
		InvoiceRowParser parser = new InvoiceRowParser(row, fields, csv);
		Invoice invoice = parser.invoice();
		return new Result(parser.errors.isEmpty() ? invoice : null, List.copyOf(parser.errors));
	}

	private Invoice invoice() {
		String number = text(IntakeField.INVOICE_NUMBER, 64);
		if (number != null && !NUMBER.matcher(number).matches()) {
			error(IntakeField.INVOICE_NUMBER, "only letters, digits and . _ / - are allowed");
		}
		String customerId = text(IntakeField.CUSTOMER_ID, 64);
		String name = text(IntakeField.CUSTOMER_NAME, 200);
		CustomerType type = choice(IntakeField.CUSTOMER_TYPE, s -> CustomerType.valueOf(s.toUpperCase(Locale.ROOT)),
				"B2B or B2C");
		String language = choice(IntakeField.LANGUAGE, InvoiceRowParser::language, "fr or en");
		String email = text(IntakeField.EMAIL, 254);
		if (email != null && !EMAIL.matcher(email).matches()) {
			error(IntakeField.EMAIL, "'" + email + "' is not an email address");
		}
		String phone = optional(IntakeField.PHONE);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			error(IntakeField.PHONE, "'" + phone + "' is not an international number such as +33612345678");
		}
		Currency currency = choice(IntakeField.CURRENCY, Currency::getInstance, "an ISO 4217 code such as EUR");
		BigDecimal amount = decimal(IntakeField.AMOUNT, currency, true);
		LocalDate issued = date(IntakeField.ISSUE_DATE);
		LocalDate due = date(IntakeField.DUE_DATE);
		if (issued != null && due != null && due.isBefore(issued)) {
			error(IntakeField.DUE_DATE, "must not be before the issue date " + issued);
		}
		BigDecimal balance = fields.get(IntakeField.BALANCE) == null ? amount
				: decimal(IntakeField.BALANCE, currency, false);
		if (balance != null && amount != null && balance.compareTo(amount) > 0) {
			error(IntakeField.BALANCE, "must not exceed the amount " + amount.toPlainString());
		}
		if (!errors.isEmpty()) {
			return null;
		}
		Customer customer = new Customer(customerId, name, type, language, email, phone);
		return new Invoice(number, customer, new Money(amount, currency), issued, due, new Money(balance, currency),
				null);
	}

	private static String language(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (!lower.equals("fr") && !lower.equals("en")) {
			throw new IllegalArgumentException(value);
		}
		return lower;
	}

	private String optional(IntakeField field) {
		String value = fields.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private String text(IntakeField field, int maxLength) {
		String value = optional(field);
		if (value == null) {
			error(field, "required");
			return null;
		}
		if (value.length() > maxLength) {
			error(field, "longer than " + maxLength + " characters");
			return null;
		}
		return value;
	}

	private <T> T choice(IntakeField field, Function<String, T> parse, String expected) {
		String value = optional(field);
		if (value == null) {
			error(field, "required, " + expected);
			return null;
		}
		try {
			return parse.apply(value);
		}
		catch (IllegalArgumentException e) {
			error(field, "'" + value + "' is not " + expected);
			return null;
		}
	}

	private BigDecimal decimal(IntakeField field, Currency currency, boolean strictlyPositive) {
		String value = optional(field);
		if (value == null) {
			error(field, "required");
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value);
			if (strictlyPositive ? amount.signum() <= 0 : amount.signum() < 0) {
				error(field, strictlyPositive ? "must be greater than 0" : "must not be negative");
				return null;
			}
			if (currency != null && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
				error(field, "has more decimals than " + currency.getCurrencyCode() + " allows ("
						+ currency.getDefaultFractionDigits() + ")");
				return null;
			}
			return amount;
		}
		catch (NumberFormatException e) {
			error(field, "'" + value + "' is not a decimal number such as 1250.00");
			return null;
		}
	}

	private LocalDate date(IntakeField field) {
		String value = optional(field);
		if (value == null) {
			error(field, "required, a date such as 2026-01-31");
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			error(field, "'" + value + "' is not a date such as 2026-01-31");
			return null;
		}
	}

	private void error(IntakeField field, String message) {
		errors.add(new InputError(row, csv ? field.csv() : field.json(), message));
	}

}
