package io.dunning.invoice;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;

/**
 * Reads the intake CSV as a stream: UTF-8 with an optional BOM, RFC 4180 quoting, and a header that names the
 * columns. The columns of the first format are required, the customer master data columns are optional, and the
 * order is free.
 */
final class CsvInvoiceReader {

	static final String REQUIRED_HEADER = IntakeField.REQUIRED_COLUMNS.stream().map(IntakeField::csv)
		.collect(Collectors.joining(","));

	private static final ObjectReader RECORDS = CsvMapper.builder()
		.enable(CsvParser.Feature.WRAP_AS_ARRAY)
		.enable(CsvParser.Feature.SKIP_EMPTY_LINES)
		.build()
		.readerForListOf(String.class)
		.with(CsvSchema.emptySchema());

	private CsvInvoiceReader() {
	}

	/** Hands every data row to the batch, numbered from 1 after the header. */
	static void read(InputStream in, InvoiceBatch batch) throws IOException {
		try (MappingIterator<List<String>> records = RECORDS.readValues(utf8(in))) {
			if (!records.hasNextValue()) {
				throw BadInputException.of("file", "is empty; expected a header such as " + REQUIRED_HEADER);
			}
			List<IntakeField> columns = columns(records.nextValue());
			int row = 0;
			while (records.hasNextValue()) {
				List<String> record = records.nextValue();
				row++;
				if (record.size() != columns.size()) {
					batch.reject(new InputError(row, "file", "has " + record.size() + " fields; expected " + columns.size()));
					continue;
				}
				Map<IntakeField, String> fields = new EnumMap<>(IntakeField.class);
				for (int c = 0; c < columns.size(); c++) {
					fields.put(columns.get(c), record.get(c));
				}
				batch.add(row, fields);
			}
			if (batch.rows() == 0) {
				throw BadInputException.of("file", "has a header but no invoice rows");
			}
		}
		catch (CharacterCodingException e) {
			throw BadInputException.of("file", "is not valid UTF-8");
		}
		catch (JsonProcessingException e) {
			throw BadInputException.of("file", "is not valid CSV at line " + e.getLocation().getLineNr() + ": "
					+ e.getOriginalMessage());
		}
	}

	private static List<IntakeField> columns(List<String> header) {
		List<IntakeField> columns = new ArrayList<>();
		List<InputError> errors = new ArrayList<>();
		Set<IntakeField> seen = new HashSet<>();
		for (String name : header) {
			IntakeField field = IntakeField.ofColumn(name.strip()).orElse(null);
			if (field == null) {
				errors.add(InputError.field("file", "unknown column '" + name.strip() + "' in the header"));
			}
			else if (!seen.add(field)) {
				errors.add(InputError.field("file", "column '" + field.csv() + "' appears twice in the header"));
			}
			columns.add(field);
		}
		IntakeField.REQUIRED_COLUMNS.stream().filter(f -> !seen.contains(f)).forEach(f -> errors
			.add(InputError.field("file", "the header lacks the column '" + f.csv() + "'; it needs at least "
					+ REQUIRED_HEADER)));
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
		return columns;
	}

	private static Reader utf8(InputStream in) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in);
		buffered.mark(3);
		byte[] head = buffered.readNBytes(3);
		boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		if (!bom) {
			buffered.reset();
		}
		return new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

}
