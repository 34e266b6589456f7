package io.dunning.invoice;

import java.util.ArrayList;
import java.util.List;

import io.dunning.web.BadInputException;

/** An RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks. Blank lines are skipped. */
final class CsvRecords {

	private CsvRecords() {
	}

	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				endRecord(records, record, field, fieldStarted);
				record = new ArrayList<>();
				fieldStarted = false;
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
			i++;
		}
		if (quoted) {
			throw BadInputException.of("file", "ends inside a quoted field");
		}
		endRecord(records, record, field, fieldStarted);
		return records;
	}

	private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field,
			boolean fieldStarted) {
		if (fieldStarted || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		field.setLength(0);
	}

}
