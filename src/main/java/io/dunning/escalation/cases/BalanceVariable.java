package io.dunning.escalation.cases;

import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.dunning.payment.PaymentReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A partial payment lowers the balance that {@code bpmn/assignment.dmn} routes tasks on: the running instance gets
 * the new one, so that the case's next task goes to the group the smaller amount calls for. Should the engine not
 * hear it, nothing is lost but the routing: every start of a case reads the balance afresh.
 */
@Component
class BalanceVariable {

	private static final Logger log = LoggerFactory.getLogger(BalanceVariable.class);

	private final Cases cases;
	private final CamundaClient engine;

	BalanceVariable(Cases cases, CamundaClient engine) {
		this.cases = cases;
		this.engine = engine;
	}

	/**
	 * After the payment's commit, before its answer: the integrator's next call finds the engine told. Not a module
	 * listener, which would answer first; should the engine not hear it, the next start of the case reads the balance.
	 */
	@TransactionalEventListener
	void on(PaymentReceived payment) {
		// A payment in full stops the path instead (PathStopper).
		if (payment.balanceLeft().signum() <= 0) {
			return;
		}
		cases.findOpen(payment.invoiceNumber())
			.map(DunningCase::processInstanceKey)
			.ifPresent(instance -> {
				try {
					engine.newSetVariablesCommand(instance).variables(Map.of("balance", payment.balanceLeft())).send()
						.join();
				}
				catch (ClientException e) {
					log.info("Invoice {}: the engine did not take the balance {} ({}); the case's next start reads it",
							payment.invoiceNumber(), payment.balanceLeft(), e.getMessage());
				}
			});
	}

}
