package io.dunning.invoice;

import java.util.Locale;

/**
 * Who owes: the contact details every reminder uses, and the identification a formal letter prints.
 *
 * @param companyId the SIREN, SIRET or VAT number of a business customer
 * @param contactPerson the person letters are addressed to, within a business
 * @param portfolioOwner the username of the collector who owns this customer's account
 * @param segment the customer's segment, as the company's rules name it (for routing)
 * @param riskClass the customer's risk class, as the company's credit policy names it
 */
public record Customer(String externalId, String name, CustomerType type, String language, String email, String phone,
		PostalAddress address, String companyId, String contactPerson, String portfolioOwner, String segment,
		String riskClass) {

	/** A customer known only by its contact details, as the first intake format carried it. */
	public Customer(String externalId, String name, CustomerType type, String language, String email, String phone) {
		this(externalId, name, type, language, email, phone, null, null, null, null, null, null);
	}

	/**
	 * This customer as the ERP now sends it, over what is stored: the contact details are replaced, and master data
	 * the request leaves out (a file with the first header has none) keeps its stored value.
	 */
	Customer over(Customer stored) {
		return new Customer(externalId, name, type, language, email, phone, address != null ? address : stored.address,
				or(companyId, stored.companyId), or(contactPerson, stored.contactPerson),
				or(portfolioOwner, stored.portfolioOwner), or(segment, stored.segment), or(riskClass, stored.riskClass));
	}

	private static String or(String value, String stored) {
		return value != null ? value : stored;
	}

	public Locale locale() {
		return "fr".equals(language) ? Locale.FRANCE : Locale.UK;
	}

	/** A formal letter can be posted: the address has at least a street line, a postcode and a city. */
	public boolean hasPostalAddress() {
		return address != null && address.isComplete();
	}

}
