package io.dunning.invoice;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
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

	/** One invoice object or an array of them. Fields are read as text so that every bad one is reported. */
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
		List<Map<IntakeField, String>> rows = new ArrayList<>();
		List<InputError> errors = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			if (!item.isObject()) {
				errors.add(new InputError(i + 1, "body", "must be a JSON object"));
				continue;
			}
			Map<IntakeField, String> row = new EnumMap<>(IntakeField.class);
			for (IntakeField field : IntakeField.values()) {
				JsonNode value = item.get(field.json());
				if (value != null && !value.isNull()) {
					if (value.isContainerNode()) {
						errors.add(new InputError(i + 1, field.json(), "must be a single value"));
					}
					row.put(field, value.asText());
				}
			}
			rows.add(row);
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
		return intake.receive(rows, false, user.getName());
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
		return new CancelResult(number, cancellation.cancel(number, request.reason().strip(), user.getName()));
	}

	@PostMapping(path = "/api/invoices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	IntakeResult importCsv(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
		return intake.receive(CsvInvoiceReader.read(file.getInputStream()), true, user.getName());
	}

}
