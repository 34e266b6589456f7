package io.dunning.channel;

import java.util.Map;

import org.springframework.stereotype.Service;

/** Renders a letter template to an archive-grade PDF with an embedded font. */
@Service
public class LetterRenderer {

	public byte[] render(String template, java.util.Locale locale, Map<String, Object> model) {
		throw new UnsupportedOperationException("not built yet");
	}

}
