package io.dunning.escalation.notice;

import io.dunning.invoice.Customer;
import io.dunning.invoice.CustomerType;

/** Who owes, as the French rules on late payment tell debtors apart. */
public enum Debtor {

	/** A business: late-payment interest and the 40 € indemnity (art. L441-10 and D441-5 Code de commerce). */
	BUSINESS,

	/**
	 * A public buyer, the customers of segment {@value #PUBLIC_SECTOR}: intérêts moratoires and the 40 € indemnity of
	 * public procurement (art. L2192-13, R2192-31 and D2192-35 Code de la commande publique).
	 */
	PUBLIC_BUYER,

	/** A consumer: no penalty of the Code de commerce, and interest at the legal rate from the notice only. */
	CONSUMER;

	/** The segment, as the company's rules name it ({@code bpmn/assignment.dmn} routes on it too). */
	public static final String PUBLIC_SECTOR = "public-sector";

	public static Debtor of(Customer customer) {
		if (PUBLIC_SECTOR.equals(customer.segment())) {
			return PUBLIC_BUYER;
		}
		return customer.type() == CustomerType.B2B ? BUSINESS : CONSUMER;
	}

}
