package io.dunning.escalation.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.dunning.engine.EngineRun;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.CaseId;

/**
 * Starts a case's process instance, at the beginning or right before the step the case had reached. Only the
 * caller that wins the claim on the case for this engine run starts it: at most one instance per case and run.
 */
@Component
public class ProcessStarter {

	static final String PROCESS_ID = "dunning-escalation";

	/** A start claimed longer ago than this without an instance died on the way, and may be taken again. */
	static final Duration STALE_CLAIM = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);
	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final CamundaClient client;
	private final Cases cases;
	private final InvoiceCatalog invoices;
	private final EngineRun engineRun;
	private final DunningProperties properties;
	private final ObjectMapper json;

	ProcessStarter(CamundaClient client, Cases cases, InvoiceCatalog invoices, EngineRun engineRun,
			DunningProperties properties, ObjectMapper json) {
		this.client = client;
		this.cases = cases;
		this.invoices = invoices;
		this.engineRun = engineRun;
		this.properties = properties;
		this.json = json;
	}

	/** @return true if this call started the instance */
	boolean start(CaseId id) {
		// Wall-clock time on purpose: a claim goes stale because a process died, whatever the business clock says.
		Instant now = Instant.now();
		if (!cases.claimForRun(id, engineRun.id(), now, now.minus(STALE_CLAIM))) {
			return false;
		}
		DunningCase dunningCase = cases.find(id).orElseThrow();
		try {
			Map<String, Object> variables = variables(dunningCase);
			CreateProcessInstanceCommandStep3 command = client.newCreateInstanceCommand()
				.bpmnProcessId(PROCESS_ID)
				.latestVersion()
				.variables(variables);
			if (dunningCase.currentStep() != null) {
				command = command.startBeforeElement(dunningCase.currentStep());
			}
			ProcessInstanceEvent instance = command.send().join();
			cases.recordInstance(id, instance.getProcessInstanceKey(), instance.getVersion());
			log.info("Case {} (invoice {}): instance {} started {}", id.value(), dunningCase.invoiceNumber(),
					instance.getProcessInstanceKey(),
					dunningCase.currentStep() == null ? "at the beginning" : "before " + dunningCase.currentStep());
			return true;
		}
		catch (RuntimeException e) {
			cases.releaseRun(id);
			throw e;
		}
	}

	private Map<String, Object> variables(DunningCase dunningCase) {
		Map<String, Object> variables = new HashMap<>(snapshot(dunningCase.variables()));
		Invoice invoice = invoices.find(dunningCase.invoiceNumber()).orElseThrow();
		variables.put("caseId", dunningCase.id().value());
		variables.put("invoiceNumber", invoice.number());
		variables.put("dueDate", invoice.dueDate().toString());
		variables.put("contactTime", properties.contactTime().format(DateTimeFormatter.ISO_LOCAL_TIME) + "@"
				+ properties.zone().getId());
		variables.put("contactGap", properties.pacing().minContactGap().toString());
		variables.putIfAbsent("lastContactAt", null);
		return variables;
	}

	private Map<String, Object> snapshot(String variables) {
		if (variables == null) {
			return Map.of();
		}
		try {
			return json.readValue(variables, VARIABLES);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable variables snapshot", e);
		}
	}

}
