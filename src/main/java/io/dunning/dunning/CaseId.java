package io.dunning.dunning;

public record CaseId(long value) {
}
