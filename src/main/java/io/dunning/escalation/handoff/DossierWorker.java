package io.dunning.escalation.handoff;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.escalation.JobFailures;
import org.springframework.stereotype.Component;

/** The end of the path once a manager has approved the legal handoff: the dossier goes to the lawyer or agency. */
@Component
public class DossierWorker {

	private final DossierExport dossiers;

	DossierWorker(DossierExport dossiers) {
		this.dossiers = dossiers;
	}

	@JobWorker(type = "dunning:export-dossier:1")
	public void exportDossier(ActivatedJob job, @Variable String invoiceNumber) {
		JobFailures.retrying(job, () -> {
			dossiers.handOver(invoiceNumber, job.getElementId());
			return null;
		});
	}

}
