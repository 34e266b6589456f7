package io.dunning.invoice;

import java.util.Locale;

/** Who owes: the contact details every reminder uses. */
public record Customer(String externalId, String name, CustomerType type, String language, String email, String phone) {

	public Locale locale() {
		return "fr".equals(language) ? Locale.FRANCE : Locale.UK;
	}

}
