package io.dunning.invoice;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the customer of an incoming row: contact details, and the optional master data a formal letter needs. */
final class CustomerRowParser {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
	private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,15}");
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
	private static final List<IntakeField> ADDRESS = List.of(IntakeField.ADDRESS_LINE1, IntakeField.ADDRESS_LINE2,
			IntakeField.POSTCODE, IntakeField.CITY, IntakeField.COUNTRY);

	private final RowFields fields;

	private CustomerRowParser(RowFields fields) {
		this.fields = fields;
	}

	/** The customer, or null after recording in {@code fields} what is wrong with it. */
	static Customer parse(RowFields fields) {
		return new CustomerRowParser(fields).customer();
	}

	private Customer customer() {
		String customerId = fields.required(IntakeField.CUSTOMER_ID, 64);
		// The id is a segment of the customer page's address: a slash, a backslash or a semicolon cannot be in one.
		if (customerId != null && customerId.chars().anyMatch(c -> c == '/' || c == '\\' || c == ';')) {
			fields.error(IntakeField.CUSTOMER_ID, "'" + customerId + "' holds a '/', '\\' or ';', which an id may not");
		}
		String name = fields.required(IntakeField.CUSTOMER_NAME, 200);
		CustomerType type = fields.choice(IntakeField.CUSTOMER_TYPE,
				s -> CustomerType.valueOf(s.toUpperCase(Locale.ROOT)), "B2B or B2C");
		String language = fields.choice(IntakeField.LANGUAGE, CustomerRowParser::language, "fr or en");
		String email = fields.required(IntakeField.EMAIL, 254);
		if (email != null && !EMAIL.matcher(email).matches()) {
			fields.error(IntakeField.EMAIL, "'" + email + "' is not an email address");
		}
		String phone = fields.optional(IntakeField.PHONE, 16);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			fields.error(IntakeField.PHONE, "'" + phone + "' is not an international number such as +33612345678");
		}
		PostalAddress address = address();
		String companyId = companyId();
		String contactPerson = fields.optional(IntakeField.CONTACT_PERSON, 200);
		String portfolioOwner = fields.optional(IntakeField.PORTFOLIO_OWNER, 64);
		if (portfolioOwner != null && !USERNAME.matcher(portfolioOwner).matches()) {
			fields.error(IntakeField.PORTFOLIO_OWNER, "'" + portfolioOwner + "' is not a username");
		}
		String segment = fields.optional(IntakeField.SEGMENT, 64);
		String riskClass = fields.optional(IntakeField.RISK_CLASS, 32);
		if (!fields.valid()) {
			return null;
		}
		return new Customer(customerId, name, type, language, email, phone, address, companyId, contactPerson,
				portfolioOwner, segment, riskClass);
	}

	/** No address at all, or one a letter can be posted to: a street line, a postcode and a city. */
	private PostalAddress address() {
		String line1 = fields.optional(IntakeField.ADDRESS_LINE1, 100);
		String line2 = fields.optional(IntakeField.ADDRESS_LINE2, 100);
		String postcode = fields.optional(IntakeField.POSTCODE, 16);
		if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
			fields.error(IntakeField.POSTCODE, "'" + postcode + "' is not a postcode");
		}
		String city = fields.optional(IntakeField.CITY, 100);
		String country = fields.optional(IntakeField.COUNTRY, 2);
		if (country != null) {
			country = country.toUpperCase(Locale.ROOT);
			if (!COUNTRIES.contains(country)) {
				fields.error(IntakeField.COUNTRY, "'" + country + "' is not an ISO 3166 country code such as FR");
			}
		}
		if (ADDRESS.stream().noneMatch(fields::present)) {
			return null;
		}
		List.of(IntakeField.ADDRESS_LINE1, IntakeField.POSTCODE, IntakeField.CITY).stream()
			.filter(part -> !fields.present(part))
			.forEach(part -> fields.error(part, "required with an address"));
		return new PostalAddress(line1, line2, postcode, city, country);
	}

	private String companyId() {
		String value = fields.optional(IntakeField.COMPANY_ID, 32);
		if (value == null) {
			return null;
		}
		try {
			return CompanyIdFormat.normalised(value);
		}
		catch (IllegalArgumentException e) {
			fields.error(IntakeField.COMPANY_ID, e.getMessage());
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

}
