package io.dunning.dunning;

public enum CaseStatus {
	OPEN, PAID, HANDED_OVER, CANCELLED
}
