package io.dunning.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.dunning.web.InputError;
import io.dunning.web.TextInput;

/** Turns one row of text fields (from CSV or JSON) into an invoice, or into the list of what is wrong with it. */
final class InvoiceRowParser {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
	private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,15}");
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final int row;
	private final Map<IntakeField, String> fields;
	private final boolean csv;
	private final DateWindow dates;
	private final List<InputError> errors = new ArrayList<>();

	private InvoiceRowParser(int row, Map<IntakeField, String> fields, boolean csv, DateWindow dates) {
		this.row = row;
		this.fields = fields;
		this.csv = csv;
		this.dates = dates;
	}

	record Result(Invoice invoice, List<InputError> errors) {
	}

	static Result parse(int row, Map<IntakeField, String> fields, boolean csv, DateWindow dates) {
		InvoiceRowParser parser = new InvoiceRowParser(row, fields, csv, dates);
		Invoice invoice = parser.invoice();
		return new Result(parser.errors.isEmpty() ? invoice : null, List.copyOf(parser.errors));
	}

	private Invoice invoice() {
		String number = text(IntakeField.INVOICE_NUMBER, InvoiceNumberFormat.MAX_LENGTH);
		if (number != null) {
			InvoiceNumberFormat.problemWith(number).ifPresent(problem -> error(IntakeField.INVOICE_NUMBER, problem));
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
		String phone = optional(IntakeField.PHONE, 16);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			error(IntakeField.PHONE, "'" + phone + "' is not an international number such as +33612345678");
		}
		Currency currency = choice(IntakeField.CURRENCY, MoneyInput::currency, "an ISO 4217 code such as EUR");
		BigDecimal amount = amount(IntakeField.AMOUNT, currency, true);
		LocalDate issued = date(IntakeField.ISSUE_DATE);
		LocalDate due = date(IntakeField.DUE_DATE);
		if (issued != null && due != null && due.isBefore(issued)) {
			error(IntakeField.DUE_DATE, "must not be before the issue date " + issued);
		}
		BigDecimal balance = present(IntakeField.BALANCE) ? amount(IntakeField.BALANCE, currency, false) : amount;
		if (balance != null && amount != null && balance.compareTo(amount) > 0) {
			error(IntakeField.BALANCE, "must not exceed the amount " + amount.toPlainString());
		}
		PostalAddress address = address();
		String companyId = companyId();
		String contactPerson = optional(IntakeField.CONTACT_PERSON, 200);
		String portfolioOwner = optional(IntakeField.PORTFOLIO_OWNER, 64);
		if (portfolioOwner != null && !USERNAME.matcher(portfolioOwner).matches()) {
			error(IntakeField.PORTFOLIO_OWNER, "'" + portfolioOwner + "' is not a username");
		}
		String segment = optional(IntakeField.SEGMENT, 64);
		String riskClass = optional(IntakeField.RISK_CLASS, 32);
		if (!errors.isEmpty()) {
			return null;
		}
		Customer customer = new Customer(customerId, name, type, language, email, phone, address, companyId,
				contactPerson, portfolioOwner, segment, riskClass);
		return new Invoice(number, customer, new Money(amount, currency), issued, due, new Money(balance, currency),
				null);
	}

	/** No address at all, or one a letter can be posted to: a street line, a postcode and a city. */
	private PostalAddress address() {
		String line1 = optional(IntakeField.ADDRESS_LINE1, 100);
		String line2 = optional(IntakeField.ADDRESS_LINE2, 100);
		String postcode = optional(IntakeField.POSTCODE, 16);
		if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
			error(IntakeField.POSTCODE, "'" + postcode + "' is not a postcode");
		}
		String city = optional(IntakeField.CITY, 100);
		String country = optional(IntakeField.COUNTRY, 2);
		if (country != null) {
			country = country.toUpperCase(Locale.ROOT);
			if (!COUNTRIES.contains(country)) {
				error(IntakeField.COUNTRY, "'" + country + "' is not an ISO 3166 country code such as FR");
			}
		}
		List<IntakeField> parts = List.of(IntakeField.ADDRESS_LINE1, IntakeField.ADDRESS_LINE2, IntakeField.POSTCODE,
				IntakeField.CITY, IntakeField.COUNTRY);
		if (parts.stream().noneMatch(this::present)) {
			return null;
		}
		List.of(IntakeField.ADDRESS_LINE1, IntakeField.POSTCODE, IntakeField.CITY).stream()
			.filter(part -> !present(part))
			.forEach(part -> error(part, "required with an address"));
		return new PostalAddress(line1, line2, postcode, city, country);
	}

	private String companyId() {
		String value = optional(IntakeField.COMPANY_ID, 32);
		if (value == null) {
			return null;
		}
		try {
			return CompanyIdFormat.normalised(value);
		}
		catch (IllegalArgumentException e) {
			error(IntakeField.COMPANY_ID, e.getMessage());
			return null;
		}
	}

	private static String language(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (!lower.equals("fr") && !lower.equals("en")) {
			throw new IllegalArgumentException();
		}
		return lower;
	}

	private boolean present(IntakeField field) {
		String value = fields.get(field);
		return value != null && !value.isBlank();
	}

	/** The stripped value, or null when it is absent, blank or refused (the refusal is recorded). */
	private String optional(IntakeField field, int maxLength) {
		if (!present(field)) {
			return null;
		}
		String value = fields.get(field).strip();
		Optional<String> problem = TextInput.problemWith(value);
		if (problem.isPresent()) {
			error(field, problem.get());
			return null;
		}
		if (value.length() > maxLength) {
			error(field, "longer than " + maxLength + " characters");
			return null;
		}
		return value;
	}

	private String text(IntakeField field, int maxLength) {
		if (!present(field)) {
			error(field, "required");
			return null;
		}
		return optional(field, maxLength);
	}

	private <T> T choice(IntakeField field, Function<String, T> parse, String expected) {
		if (!present(field)) {
			error(field, "required, " + expected);
			return null;
		}
		String value = optional(field, 32);
		if (value == null) {
			return null;
		}
		try {
			return parse.apply(value);
		}
		catch (IllegalArgumentException e) {
			error(field, e.getMessage() != null && e.getMessage().startsWith("'") ? e.getMessage()
					: "'" + value + "' is not " + expected);
			return null;
		}
	}

	private BigDecimal amount(IntakeField field, Currency currency, boolean strictlyPositive) {
		String value = text(field, 64);
		if (value == null) {
			return null;
		}
		try {
			BigDecimal amount = MoneyInput.amount(value, currency);
			if (strictlyPositive ? amount.signum() <= 0 : amount.signum() < 0) {
				error(field, strictlyPositive ? "must be greater than 0" : "must not be negative");
				return null;
			}
			return currency == null ? null : amount;
		}
		catch (IllegalArgumentException e) {
			error(field, e.getMessage());
			return null;
		}
	}

	private LocalDate date(IntakeField field) {
		if (!present(field)) {
			error(field, "required, a date such as 2026-01-31");
			return null;
		}
		String value = optional(field, 32);
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			Optional<String> problem = dates.problemWith(date);
			problem.ifPresent(p -> error(field, p));
			return problem.isPresent() ? null : date;
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
