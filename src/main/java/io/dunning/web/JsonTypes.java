package io.dunning.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

/** What a JSON value must be to fill a field of a given Java type, said in JSON's words. */
final class JsonTypes {

	private JsonTypes() {
	}

	static String expected(Class<?> type) {
		if (type == String.class || type.isEnum()) {
			return "text";
		}
		if (type == LocalDate.class) {
			return "a date such as 2026-01-31";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a date and time such as 2026-01-31T09:00:00Z";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
			return "an object";
		}
		return "a single value";
	}

}
