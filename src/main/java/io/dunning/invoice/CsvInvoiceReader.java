package io.dunning.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.dunning.web.BadInputException;
import io.dunning.web.InputError;

/** Reads the intake CSV: UTF-8 with an optional BOM, RFC 4180 quoting, and the fixed header. */
final class CsvInvoiceReader {

	static final List<IntakeField> COLUMNS = Arrays.stream(IntakeField.values()).filter(f -> f.csv() != null).toList();

	static final String HEADER = String.join(",", COLUMNS.stream().map(IntakeField::csv).toList());

	private CsvInvoiceReader() {
	}

	static List<Map<IntakeField, String>> read(InputStream in) throws IOException {
		List<List<String>> records = CsvRecords.parse(decode(in.readAllBytes()));
		if (records.isEmpty()) {
			throw BadInputException.of("file", "is empty; expected the header " + HEADER);
		}
		List<String> header = records.getFirst().stream().map(String::strip).toList();
		if (!header.equals(COLUMNS.stream().map(IntakeField::csv).toList())) {
			throw BadInputException.of("file", "the header must be exactly " + HEADER);
		}
		List<Map<IntakeField, String>> rows = new ArrayList<>();
		List<InputError> errors = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			List<String> record = records.get(i);
			if (record.size() != COLUMNS.size()) {
				errors.add(new InputError(i, "file", "has " + record.size() + " fields; expected " + COLUMNS.size()));
				continue;
			}
			Map<IntakeField, String> row = new EnumMap<>(IntakeField.class);
			for (int c = 0; c < COLUMNS.size(); c++) {
				row.put(COLUMNS.get(c), record.get(c));
			}
			rows.add(row);
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
		if (rows.isEmpty()) {
			throw BadInputException.of("file", "has a header but no invoice rows");
		}
		return rows;
	}

	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw BadInputException.of("file", "is not valid UTF-8");
		}
	}

}
