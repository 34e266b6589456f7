package io.dunning.channel;

/** A template filled for one recipient. @param subject null for an SMS */
record RenderedMessage(String subject, String body) {
}
