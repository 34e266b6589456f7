package io.dunning.invoice;

public record IntakeResult(int created, int unchanged) {
}
