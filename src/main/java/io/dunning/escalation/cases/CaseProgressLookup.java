package io.dunning.escalation.cases;

import java.util.Optional;

import io.dunning.invoice.CaseProgress;
import org.springframework.stereotype.Component;

@Component
class CaseProgressLookup implements CaseProgress {

	private final Cases cases;

	CaseProgressLookup(Cases cases) {
		this.cases = cases;
	}

	@Override
	public Optional<Snapshot> of(String invoiceNumber) {
		return cases.findByInvoice(invoiceNumber)
			.map(c -> new Snapshot(c.status().name(), c.currentStep(), c.processVersion()));
	}

}
