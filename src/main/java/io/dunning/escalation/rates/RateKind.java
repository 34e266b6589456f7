package io.dunning.escalation.rates;

/** The two rate tables a formal notice reads. */
public enum RateKind {

	/**
	 * The ECB main refinancing operations rate in force on the half-year's first day: business interest is this rate
	 * plus 10 points (art. L441-10 Code de commerce), a public buyer's plus 8 (art. R2192-31 Code de la commande
	 * publique).
	 */
	ECB(new HalfYear(1999, 1)),

	/**
	 * The taux de l'intérêt légal "pour tous les autres cas" (a creditor who is not a private person), fixed by arrêté
	 * for the half-year: what a consumer's debt bears from the notice on (Code civil art. 1231-6 and 1344-1).
	 */
	LEGAL(new HalfYear(2015, 1));

	private final HalfYear first;

	RateKind(HalfYear first) {
		this.first = first;
	}

	/** The first half-year this rate was fixed for: the euro's first, and the first of the two legal rates. */
	public HalfYear first() {
		return first;
	}

}
