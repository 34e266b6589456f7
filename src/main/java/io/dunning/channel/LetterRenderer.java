package io.dunning.channel;

import org.springframework.stereotype.Service;

/** Renders a letter template to an archive-grade PDF with an embedded font. */
@Service
public class LetterRenderer {

	public byte[] render(NoticeLetter letter) {
		throw new UnsupportedOperationException("not built yet");
	}

}
