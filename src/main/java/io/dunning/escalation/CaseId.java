package io.dunning.escalation;

public record CaseId(long value) {
}
