package io.dunning.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completes a customer's postal address from the worklist, when a formal letter found none to post to. */
@Service
public class CustomerAddresses {

	private final JdbcClient jdbc;

	CustomerAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets the postal address of the customer who owes the invoice.
	 *
	 * @return false when no such invoice exists
	 * @throws IllegalArgumentException when the address lacks a street line, a postcode or a city
	 */
	@Transactional
	public boolean complete(String invoiceNumber, PostalAddress address) {
		if (address == null || !address.isComplete()) {
			throw new IllegalArgumentException("a postal address needs a street line, a postcode and a city");
		}
		return jdbc.sql("""
				UPDATE customer SET address_line1 = ?, address_line2 = ?, postcode = ?, city = ?, country = ?
				WHERE id = (SELECT customer_id FROM invoice WHERE invoice_number = ?)
				""")
			.params(address.line1().strip(), blankToNull(address.line2()), address.postcode().strip(),
					address.city().strip(), blankToNull(address.country()), invoiceNumber)
			.update() == 1;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
