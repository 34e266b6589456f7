package io.dunning.escalation;

public enum CaseStatus {
	OPEN, PAID, HANDED_OVER, CANCELLED
}
