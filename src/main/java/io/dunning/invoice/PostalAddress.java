package io.dunning.invoice;

/**
 * A postal address as a letter prints it.
 *
 * @param country an ISO 3166-1 alpha-2 code
 */
public record PostalAddress(String line1, String line2, String postcode, String city, String country) {

	public boolean isComplete() {
		return notBlank(line1) && notBlank(postcode) && notBlank(city);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
