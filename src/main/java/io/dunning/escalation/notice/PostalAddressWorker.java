package io.dunning.escalation.notice;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.escalation.JobFailures;
import io.dunning.invoice.CustomerAddresses;
import io.dunning.invoice.PostalAddress;
import org.springframework.stereotype.Component;

/** Stores the address a collector entered for a held notice; the notice then goes out again and checks it anew. */
@Component
public class PostalAddressWorker {

	/** The address as the task's form hands it over. */
	public record EnteredAddress(String line1, String line2, String postcode, String city, String country) {
	}

	private final CustomerAddresses addresses;

	PostalAddressWorker(CustomerAddresses addresses) {
		this.addresses = addresses;
	}

	@JobWorker(type = "dunning:save-postal-address:1")
	public void savePostalAddress(ActivatedJob job, @Variable String invoiceNumber,
			@Variable EnteredAddress postalAddress) {
		JobFailures.retrying(job, () -> addresses.complete(invoiceNumber, new PostalAddress(postalAddress.line1(),
				postalAddress.line2(), postalAddress.postcode(), postalAddress.city(), postalAddress.country())));
	}

}
