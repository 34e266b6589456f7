package io.dunning.escalation.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.dunning.engine.EngineRun;
import io.dunning.escalation.CaseId;
import io.dunning.escalation.DunningProperties;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a case's process instance, at the beginning or right before the step the case had reached.
 * <p>
 * At most one instance per case gets past its first job, across timeouts, restarts and replicas.
 * A create command that times out may still have created its instance, and no instance search exists over gRPC, so
 * the starter cannot find out. Two rules together make that harmless:
 * <ul>
 * <li>Only the caller that wins the claim on the case for this engine run sends a create, and it never gives the claim
 * back once the command has left: a lost answer is not a failed start. A claim with no instance is taken again only
 * once it is {@link #STALE_CLAIM stale}.</li>
 * <li>The first thing every instance does is enter its first step, and every entering asks the {@link InstanceGuard}
 * first: it binds the case to its instance with a conditional update, and an instance that finds another one of the
 * same run already bound cancels itself before it has done anything. This holds whether the instance starts at the
 * beginning or before a step, as long as every step of the diagram is a service task (its worker enters it) or carries
 * the {@code dunning:enter-step:1} start listener.</li>
 * </ul>
 * A message start event correlated on the case would have the engine refuse the duplicate by itself, but a message
 * start cannot start before a step, which rehydration needs. A process-level start listener would not do either:
 * Zeebe 8.8 does not run it for an instance created with start instructions (checked on the engine).
 * <p>
 * Creations are sent without waiting: at most {@link #IN_FLIGHT} are in flight at once, so a large import or a
 * rehydration neither holds one thread per creation nor floods the engine.
 */
@Component
public class ProcessStarter {

	static final String PROCESS_ID = "dunning-escalation";

	/** A start claimed longer ago than this without an instance never reached the engine, and may be taken again. */
	static final Duration STALE_CLAIM = Duration.ofMinutes(5);

	static final int IN_FLIGHT = 64;

	private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);
	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final CamundaClient client;
	private final Cases cases;
	private final InvoiceCatalog invoices;
	private final EngineRun engineRun;
	private final DunningProperties properties;
	private final ObjectMapper json;
	private final ObjectProvider<OpeningHold> openingHolds;
	private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

	ProcessStarter(CamundaClient client, Cases cases, InvoiceCatalog invoices, EngineRun engineRun,
			DunningProperties properties, ObjectMapper json, ObjectProvider<OpeningHold> openingHolds) {
		this.client = client;
		this.openingHolds = openingHolds;
		this.cases = cases;
		this.invoices = invoices;
		this.engineRun = engineRun;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Claims the case and sends its creation. Blocks only while {@link #IN_FLIGHT} creations wait for the engine.
	 *
	 * @return completes with true once the engine created the instance, false when another caller holds the claim;
	 *         completes exceptionally when the engine refused or did not answer (the claim stays: see the class comment)
	 */
	CompletableFuture<Boolean> start(CaseId id) {
		// Wall-clock time on purpose: a claim goes stale because a process died, whatever the business clock says.
		Instant now = Instant.now();
		if (!cases.claimForRun(id, engineRun.id(), now, now.minus(STALE_CLAIM))) {
			return CompletableFuture.completedFuture(false);
		}
		DunningCase dunningCase;
		CreateProcessInstanceCommandStep3 command;
		try {
			dunningCase = cases.find(id).orElseThrow();
			Map<String, Object> variables = variables(dunningCase);
			String step = dunningCase.currentStep();
			if (step == null) {
				Optional<OpeningHold.HeldStart> held = openingHolds.orderedStream()
					.map(hold -> hold.heldStart(dunningCase.invoiceNumber()))
					.flatMap(Optional::stream)
					.findFirst();
				if (held.isPresent()) {
					step = held.get().step();
					variables.putAll(held.get().variables());
				}
			}
			command = client.newCreateInstanceCommand()
				.bpmnProcessId(PROCESS_ID)
				.latestVersion()
				.variables(variables);
			if (step != null) {
				command = command.startBeforeElement(step);
			}
		}
		catch (RuntimeException e) {
			// Nothing was sent: the claim can go back at once.
			cases.releaseRun(id, engineRun.id());
			return CompletableFuture.failedFuture(e);
		}
		inFlight.acquireUninterruptibly();
		CompletableFuture<ProcessInstanceEvent> sent;
		try {
			sent = command.send().toCompletableFuture();
		}
		catch (RuntimeException e) {
			inFlight.release();
			return CompletableFuture.failedFuture(e);
		}
		return sent.whenComplete((instance, failure) -> inFlight.release()).thenApply(instance -> {
			long key = instance.getProcessInstanceKey();
			if (cases.bindInstance(id, engineRun.id(), key).filter(bound -> bound == key).isPresent()) {
				cases.recordVersion(id, key, instance.getVersion());
			}
			log.debug("Case {} (invoice {}): instance {} started {}", id.value(), dunningCase.invoiceNumber(), key,
					dunningCase.currentStep() == null ? "at the beginning" : "before " + dunningCase.currentStep());
			return true;
		});
	}

	private Map<String, Object> variables(DunningCase dunningCase) {
		Map<String, Object> variables = new HashMap<>(snapshot(dunningCase.variables()));
		Invoice invoice = invoices.find(dunningCase.invoiceNumber()).orElseThrow();
		variables.put("caseId", dunningCase.id().value());
		variables.put("invoiceNumber", invoice.number());
		variables.put("dueDate", invoice.dueDate().toString());
		variables.put("contactTime", properties.contactTimeOf(dunningCase.id().value())
			.format(DateTimeFormatter.ISO_LOCAL_TIME) + "@" + properties.zone().getId());
		variables.put("contactGap", properties.pacing().minContactGap().toString());
		variables.putIfAbsent("lastContactAt", null);
		// Days the path spent paused (disputes, blocks): the timers counted from the due date move by them.
		variables.putIfAbsent("pausedDays", 0);
		// What bpmn/assignment.dmn decides on, fresh at every start: a restarted case is routed on today's facts.
		variables.put("balance", invoice.balance().amount());
		variables.put("segment", invoice.customer().segment());
		variables.put("portfolioOwner", invoice.customer().portfolioOwner());
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
