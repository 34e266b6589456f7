package io.dunning.escalation.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.escalation.CaseId;
import io.dunning.escalation.JobFailures;
import org.springframework.stereotype.Component;

/** Turns an agreed plan into instalments, each watched by its own timer, and checks each one when its grace ends. */
@Component
public class PaymentPlanWorkers {

	/** The element of the multi-instance loop; only its number matters, the plan itself is stored. */
	public record InstalmentRef(int number) {
	}

	private final PaymentPlans plans;

	PaymentPlanWorkers(PaymentPlans plans) {
		this.plans = plans;
	}

	@JobWorker(type = "dunning:schedule-plan:1")
	public Map<String, Object> schedulePlan(ActivatedJob job, @Variable Long caseId, @Variable String invoiceNumber,
			@Variable Integer instalmentCount, @Variable String firstInstalmentDate) {
		return JobFailures.retrying(job, () -> {
			List<Instalment> instalments = plans.schedule(new CaseId(caseId), invoiceNumber, instalmentCount,
					LocalDate.parse(firstInstalmentDate), "system");
			return Map.of("instalments", instalments.stream()
				.map(i -> Map.of("number", i.number(), "dueDate", i.dueDate().toString(), "amount",
						i.amount().toPlainString()))
				.toList());
		});
	}

	@JobWorker(type = "dunning:check-instalment:1")
	public Map<String, Object> checkInstalment(ActivatedJob job, @Variable Long caseId, @Variable String invoiceNumber,
			@Variable InstalmentRef instalment) {
		return JobFailures.retrying(job,
				() -> Map.of("instalmentMissed", plans.isMissed(new CaseId(caseId), invoiceNumber, instalment.number())));
	}

}
