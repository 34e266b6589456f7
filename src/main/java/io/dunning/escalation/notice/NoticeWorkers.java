package io.dunning.escalation.notice;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.steps.JobFailures;
import io.dunning.escalation.steps.ContactTimes;
import io.dunning.escalation.handoff.DossierExport;

/** The end of the path: the mise en demeure, then the legal handoff. */
@Component
public class NoticeWorkers {

	private final FormalNotices notices;
	private final DossierExport dossiers;
	private final DunningProperties properties;

	NoticeWorkers(FormalNotices notices, DossierExport dossiers, DunningProperties properties) {
		this.notices = notices;
		this.dossiers = dossiers;
		this.properties = properties;
	}

	@JobWorker(type = "dunning:send-notice:1")
	public Map<String, Object> sendNotice(ActivatedJob job, @Variable String invoiceNumber) {
		return JobFailures.retrying(job, () -> notices.issue(invoiceNumber, job.getElementId())
			.<Map<String, Object>>map(at -> {
				String sentAt = ContactTimes.format(at, properties.zone());
				return Map.of("noticeSentAt", sentAt, "lastContactAt", sentAt);
			})
			.orElse(Map.of()));
	}

	@JobWorker(type = "dunning:export-dossier:1")
	public void exportDossier(ActivatedJob job, @Variable String invoiceNumber, @Variable String noticeSentAt) {
		JobFailures.retrying(job, () -> {
			dossiers.handOver(invoiceNumber, job.getElementId(), noticeSentAt);
			return null;
		});
	}

}
