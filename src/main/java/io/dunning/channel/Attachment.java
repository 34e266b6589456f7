package io.dunning.channel;

public record Attachment(String filename, String contentType, byte[] content) {
}
