package io.dunning.worklist;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a form-js form, reduced to what the server checks. {@code decimalDigits}, {@code min}, {@code max},
 * {@code minLength} and {@code maxLength} are null when the form sets no limit; {@code values} is empty unless the
 * field is a select or radio.
 */
record FormField(String key, Type type, boolean required, BigDecimal min, BigDecimal max, Integer decimalDigits,
		Integer minLength, Integer maxLength, List<String> values, HideCondition hide) {

	/** TEXT is one line (a textfield); FREE_TEXT may hold line breaks (a textarea). */
	enum Type {
		TEXT, FREE_TEXT, NUMBER, CHECKBOX, DATE, CHOICE
	}

	/**
	 * form-js always submits a shown checkbox (unticked is {@code false}), so an API caller must answer it too.
	 * {@code required} on a checkbox means "must be ticked", as in form-js.
	 */
	boolean mustBeGiven() {
		return required || type == Type.CHECKBOX;
	}

}
