package io.dunning.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import io.dunning.web.TextInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class InvoiceController {

	private final InvoiceIntake intake;
	private final InvoiceCancellation cancellation;

	InvoiceController(InvoiceIntake intake, InvoiceCancellation cancellation) {
		this.intake = intake;
		this.cancellation = cancellation;
	}

	/**
	 * One invoice object or an array of them. Fields are read as text so that every bad one is reported; numbers
	 * arrive as BigDecimal (spring.jackson USE_BIG_DECIMAL_FOR_FLOATS), never through a double.
	 */
	@PostMapping(path = "/api/invoices", consumes = MediaType.APPLICATION_JSON_VALUE)
	IntakeResult receive(@RequestBody JsonNode body, Principal user) {
		List<JsonNode> items = new ArrayList<>();
		if (body.isArray()) {
			body.forEach(items::add);
		}
		else {
			items.add(body);
		}
		if (items.isEmpty()) {
			throw BadInputException.of("body", "is an empty array; send at least one invoice");
		}
		InvoiceBatch batch = intake.newBatch(false);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			if (!item.isObject()) {
				batch.reject(new InputError(i + 1, "body", "must be a JSON object"));
				continue;
			}
			Map<IntakeField, String> row = new EnumMap<>(IntakeField.class);
			List<InputError> containers = new ArrayList<>();
			for (IntakeField field : IntakeField.values()) {
				JsonNode value = item.get(field.json());
				if (value == null || value.isNull()) {
					continue;
				}
				if (value.isContainerNode()) {
					containers.add(new InputError(i + 1, field.json(), "must be a single value"));
				}
				else {
					// A BigDecimal's own text keeps a huge exponent short (1E+30000000) for MoneyInput to refuse.
					row.put(field, value.isBigDecimal() ? value.decimalValue().toString() : value.asText());
				}
			}
			if (containers.isEmpty()) {
				batch.add(i + 1, row);
			}
			else {
				containers.forEach(batch::reject);
			}
		}
		return intake.receive(batch, user.getName());
	}

	record CancelRequest(String reason) {
	}

	record CancelResult(String invoiceNumber, boolean cancelled) {
	}

	/** A credit note or a billing error in the ERP: the invoice is void and its dunning stops wherever it stands. */
	@PostMapping(path = "/api/invoices/{number}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	CancelResult cancel(@PathVariable String number, @RequestBody CancelRequest request, Principal user) {
		if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
			throw BadInputException.of("reason", "required, at most 500 characters");
		}
		TextInput.problemWith(request.reason()).ifPresent(problem -> {
			throw BadInputException.of("reason", problem);
		});
		return new CancelResult(number, cancellation.cancel(number, request.reason().strip(), user.getName()));
	}

	@PostMapping(path = "/api/invoices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	IntakeResult importCsv(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
		InvoiceBatch batch = intake.newBatch(true);
		try (InputStream in = file.getInputStream()) {
			CsvInvoiceReader.read(in, batch);
		}
		return intake.receive(batch, user.getName());
	}

}
