package io.dunning.invoice;

/** The fields of an incoming invoice, under their CSV column and JSON property names. */
enum IntakeField {

	INVOICE_NUMBER("invoice_number", "invoiceNumber"),
	CUSTOMER_ID("customer_id", "customerId"),
	CUSTOMER_NAME("customer_name", "customerName"),
	CUSTOMER_TYPE("customer_type", "customerType"),
	LANGUAGE("language", "language"),
	EMAIL("email", "email"),
	PHONE("phone", "phone"),
	AMOUNT("amount", "amount"),
	CURRENCY("currency", "currency"),
	ISSUE_DATE("issue_date", "issueDate"),
	DUE_DATE("due_date", "dueDate"),
	BALANCE(null, "balance");

	private final String csv;
	private final String json;

	IntakeField(String csv, String json) {
		this.csv = csv;
		this.json = json;
	}

	String csv() {
		return csv;
	}

	String json() {
		return json;
	}

}
