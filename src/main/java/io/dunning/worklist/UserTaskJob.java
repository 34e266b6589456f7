package io.dunning.worklist;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;

/**
 * What a job-worker user task tells us through its job: the form, the candidate group, an optional assignee and due
 * date (all as headers the engine sets from the diagram) and the case, through the variable {@code invoiceNumber}.
 */
record UserTaskJob(long jobKey, long processInstanceKey, String invoiceNumber, String elementId, String formId,
		String candidateGroup, String assignee, Instant dueAt) {

	static final String FORM_KEY = "io.camunda.zeebe:formKey";
	static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
	static final String ASSIGNEE = "io.camunda.zeebe:assignee";
	static final String DUE_DATE = "io.camunda.zeebe:dueDate";

	private static final TypeReference<List<String>> GROUPS = new TypeReference<>() {
	};

	static UserTaskJob from(ActivatedJob job, String invoiceNumber, ObjectMapper json) {
		Map<String, String> headers = job.getCustomHeaders();
		if (invoiceNumber == null || invoiceNumber.isBlank()) {
			throw new IllegalStateException("User task " + job.getElementId() + " has no variable invoiceNumber: "
					+ "the worklist cannot tell which case it belongs to.");
		}
		String formId = headers.get(FORM_KEY);
		if (formId == null || formId.isBlank()) {
			throw new IllegalStateException("User task " + job.getElementId() + " has no form (zeebe:formDefinition).");
		}
		return new UserTaskJob(job.getKey(), job.getProcessInstanceKey(), invoiceNumber, job.getElementId(), formId,
				firstGroup(headers.get(CANDIDATE_GROUPS), json), blankToNull(headers.get(ASSIGNEE)),
				instant(headers.get(DUE_DATE)));
	}

	/** One group per task is all our diagrams use; the rest, if any, is ignored. */
	private static String firstGroup(String header, ObjectMapper json) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			List<String> groups = header.strip().startsWith("[") ? json.readValue(header, GROUPS)
					: List.of(header.split(","));
			return groups.stream().map(String::strip).filter(g -> !g.isEmpty()).findFirst().orElse(null);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Unreadable candidate groups header: " + header, e);
		}
	}

	private static Instant instant(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return DateTimeFormatter.ISO_DATE_TIME.parse(header, Instant::from);
		}
		catch (DateTimeParseException e) {
			throw new IllegalStateException("Unreadable due date header: " + header, e);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
