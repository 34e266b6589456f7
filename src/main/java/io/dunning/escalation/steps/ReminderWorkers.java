package io.dunning.escalation.steps;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.channel.Channel;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.JobFailures;
import org.springframework.stereotype.Component;

/** The written reminders of the path. The template comes from the task's {@code template} header. */
@Component
public class ReminderWorkers {

	private final ReminderSender sender;
	private final DunningProperties properties;

	ReminderWorkers(ReminderSender sender, DunningProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	@JobWorker(type = "dunning:send-email:1")
	public Map<String, Object> sendEmail(ActivatedJob job, @Variable String invoiceNumber) {
		return send(job, invoiceNumber, Channel.EMAIL);
	}

	@JobWorker(type = "dunning:send-sms:1")
	public Map<String, Object> sendSms(ActivatedJob job, @Variable String invoiceNumber) {
		return send(job, invoiceNumber, Channel.SMS);
	}

	private Map<String, Object> send(ActivatedJob job, String invoiceNumber, Channel channel) {
		String template = job.getCustomHeaders().get("template");
		return JobFailures.retrying(job, () -> sender.send(invoiceNumber, job.getElementId(), channel, template)
			.<Map<String, Object>>map(at -> Map.of("lastContactAt", ContactTimes.format(at, properties.zone())))
			.orElse(Map.of()));
	}

}
