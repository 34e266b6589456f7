package io.dunning.invoice;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields of an incoming invoice, under their CSV column and JSON property names. The columns of the first CSV
 * format are required in every file; the customer master data came later and its columns are optional, so a file
 * with the first header still imports unchanged.
 */
enum IntakeField {

	INVOICE_NUMBER("invoice_number", "invoiceNumber", true),
	CUSTOMER_ID("customer_id", "customerId", true),
	CUSTOMER_NAME("customer_name", "customerName", true),
	CUSTOMER_TYPE("customer_type", "customerType", true),
	LANGUAGE("language", "language", true),
	EMAIL("email", "email", true),
	PHONE("phone", "phone", true),
	AMOUNT("amount", "amount", true),
	CURRENCY("currency", "currency", true),
	ISSUE_DATE("issue_date", "issueDate", true),
	DUE_DATE("due_date", "dueDate", true),
	BALANCE("balance", "balance", false),
	ADDRESS_LINE1("address_line1", "addressLine1", false),
	ADDRESS_LINE2("address_line2", "addressLine2", false),
	POSTCODE("postcode", "postcode", false),
	CITY("city", "city", false),
	COUNTRY("country", "country", false),
	COMPANY_ID("company_id", "companyId", false),
	CONTACT_PERSON("contact_person", "contactPerson", false),
	PORTFOLIO_OWNER("portfolio_owner", "portfolioOwner", false),
	SEGMENT("segment", "segment", false),
	RISK_CLASS("risk_class", "riskClass", false);

	static final List<IntakeField> REQUIRED_COLUMNS = Arrays.stream(values()).filter(IntakeField::requiredColumn).toList();

	private final String csv;
	private final String json;
	private final boolean requiredColumn;

	IntakeField(String csv, String json, boolean requiredColumn) {
		this.csv = csv;
		this.json = json;
		this.requiredColumn = requiredColumn;
	}

	static Optional<IntakeField> ofColumn(String column) {
		return Arrays.stream(values()).filter(f -> f.csv.equals(column)).findFirst();
	}

	String csv() {
		return csv;
	}

	String json() {
		return json;
	}

	boolean requiredColumn() {
		return requiredColumn;
	}

}
