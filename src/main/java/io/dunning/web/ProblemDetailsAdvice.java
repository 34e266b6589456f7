package io.dunning.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every API error is an RFC 9457 problem; bad input lists each bad field under {@code errors}. Pages have their
 * own error page ({@link PageErrors}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

	@ExceptionHandler(BadInputException.class)
	ProblemDetail badInput(BadInputException e) {
		return badRequest(e.errors(), e.total());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		if (e.getMostSpecificCause() instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
			return RequestBodyLimit.tooLarge(tooLarge.limit());
		}
		if (e.getCause() instanceof JsonMappingException mapping) {
			String field = mapping.getPath().stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			// The caller is told what the field must be in JSON terms; the Java type behind it is none of its business.
			String message = mapping instanceof InvalidFormatException format
					? "cannot read '" + format.getValue() + "' as " + JsonTypes.expected(format.getTargetType())
					: mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
							? "must be " + JsonTypes.expected(mismatch.getTargetType())
							: "is not readable here";
			return badRequest(List.of(InputError.field(field, message)));
		}
		return badRequest(List.of(InputError.field("body", "malformed JSON")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		return badRequest(List.of(InputError.field(e.getRequestPartName(), "required multipart part is missing")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException e) {
		return badRequest(List.of(InputError.field(e.getParameterName(), "required parameter is missing")));
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(UnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again", e.getMessage()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
	}

	private static ProblemDetail badRequest(List<InputError> errors) {
		return badRequest(errors, errors.size());
	}

	private static ProblemDetail badRequest(List<InputError> errors, int total) {
		String count = total == 1 ? "1 field is invalid" : total + " fields are invalid";
		String listed = errors.size() < total ? "; the first " + errors.size() + " are listed" : "";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", count + listed + "; nothing was stored.");
		problem.setProperty("errors", errors);
		problem.setProperty("totalErrors", total);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
