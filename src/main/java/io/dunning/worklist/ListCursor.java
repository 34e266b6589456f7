package io.dunning.worklist;

import java.util.regex.Pattern;

/** Where a page ended: the sort value, the group key and the step of its last line. */
record ListCursor(String value, String key, String elementId) {

	// A line's sort value as the list writes it: a priority, a date, or a total of DECIMAL(19,4) amounts. Anything else
	// is refused before it reaches the database: "1e999999" would be expanded there digit by digit.
	private static final Pattern PRIORITY = Pattern.compile("-?\\d{1,18}");
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern TOTAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,4})?");
	private static final Pattern STEP = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
	private static final int MAX_KEY = 80;

	/**
	 * A cursor the list wrote for this order.
	 *
	 * @throws IllegalArgumentException saying what is wrong, when it is not one
	 */
	static ListCursor parse(String text, GroupOrder order) {
		int first = text.indexOf('|');
		int last = text.lastIndexOf('|');
		if (first < 0 || last <= first) {
			throw new IllegalArgumentException("not a page cursor (value|customer|step)");
		}
		ListCursor cursor = new ListCursor(text.substring(0, first), text.substring(first + 1, last),
				text.substring(last + 1));
		Pattern value = switch (order) {
			case PRIORITY -> PRIORITY;
			case DUE -> DATE;
			case AMOUNT -> TOTAL;
		};
		if (!value.matcher(cursor.value).matches() || cursor.key.isEmpty() || cursor.key.length() > MAX_KEY
				|| !STEP.matcher(cursor.elementId).matches()) {
			throw new IllegalArgumentException("not a page cursor of this list");
		}
		try {
			order.parse(cursor.value);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not a page cursor of this list");
		}
		return cursor;
	}

	@Override
	public String toString() {
		return value + "|" + key + "|" + elementId;
	}

}
