package io.dunning.dunning;

public enum CaseStatus {
	OPEN, PAID, HANDED_OVER, CANCELLED;

	public boolean isClosed() {
		return this != OPEN;
	}
}
