package io.dunning.escalation.rates;

/** A rate table has no row for a half-year that a computation needs. */
public class MissingRateException extends RuntimeException {

	private final RateKind kind;
	private final HalfYear halfYear;

	public MissingRateException(RateKind kind, HalfYear halfYear) {
		super("No " + kind + " rate for " + halfYear + ": an admin adds it, with its official source, on the Interest "
				+ "rates page (/admin/interest-rates) or with POST /api/admin/interest-rates");
		this.kind = kind;
		this.halfYear = halfYear;
	}

	public RateKind kind() {
		return kind;
	}

	public HalfYear halfYear() {
		return halfYear;
	}

}
