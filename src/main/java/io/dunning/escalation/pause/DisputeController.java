package io.dunning.escalation.pause;

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import io.dunning.web.InputErrors;
import io.dunning.web.TextInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DisputeController {

	static final int COMMENT_MAX = 2000;

	private final DisputeRaising raising;

	DisputeController(DisputeRaising raising) {
		this.raising = raising;
	}

	record Raised(long disputeId, String invoiceNumber, String reason, String comment, String raisedBy, Instant raisedAt) {
	}

	/** Fields are read as JSON nodes so that every bad one is named; the case's path holds until it is resolved. */
	@PostMapping(path = "/api/invoices/{number}/disputes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Raised raise(@PathVariable String number, @RequestBody JsonNode body, Principal user) {
		if (!body.isObject()) {
			throw BadInputException.of("body", "must be a JSON object with reason and comment");
		}
		InputErrors errors = new InputErrors();
		DisputeReason reason = reason(body.get("reason"), errors);
		String comment = comment(body.get("comment"), errors);
		errors.throwIfAny();
		Dispute dispute = raising.raise(number, reason, comment, user.getName(), null);
		return new Raised(dispute.id(), number, reason.name(), comment, user.getName(), dispute.raisedAt());
	}

	static DisputeReason reason(JsonNode value, InputErrors errors) {
		String allowed = Arrays.stream(DisputeReason.values()).map(Enum::name).collect(Collectors.joining(", "));
		if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
			errors.add(InputError.field("reason", "required, one of " + allowed));
			return null;
		}
		try {
			return DisputeReason.valueOf(value.isTextual() ? value.asText() : "");
		}
		catch (IllegalArgumentException e) {
			errors.add(InputError.field("reason", "must be one of " + allowed));
			return null;
		}
	}

	/** Line breaks are allowed in a comment; other control characters are refused, never stripped. */
	static String comment(JsonNode value, InputErrors errors) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			errors.add(InputError.field("comment", "must be text"));
			return null;
		}
		String text = value.asText().strip();
		if (text.length() > COMMENT_MAX) {
			errors.add(InputError.field("comment", "at most " + COMMENT_MAX + " characters"));
		}
		TextInput.problemWithFreeText(text)
			.ifPresent(problem -> errors.add(InputError.field("comment", problem)));
		return text.isEmpty() ? null : text;
	}

}
