package io.dunning.worklist;

/** Where a page ended: the sort value, the group key and the step of its last line. */
record ListCursor(String value, String key, String elementId) {

	static ListCursor parse(String text) {
		int first = text.indexOf('|');
		int last = text.lastIndexOf('|');
		if (first < 0 || last <= first) {
			throw new IllegalArgumentException("bad cursor");
		}
		return new ListCursor(text.substring(0, first), text.substring(first + 1, last), text.substring(last + 1));
	}

	@Override
	public String toString() {
		return value + "|" + key + "|" + elementId;
	}

}
