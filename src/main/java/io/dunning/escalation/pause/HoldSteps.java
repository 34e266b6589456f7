package io.dunning.escalation.pause;

/** The diagram's elements where a paused path waits (bpmn/dunning-escalation.bpmn). */
final class HoldSteps {

	/** The managers' task that ends a dispute, in SubProcess_Disputed. */
	static final String RESOLVE_DISPUTE = "Task_ResolveDispute";

	/** The wait for a block's expiry or lifting, in SubProcess_Blocked. */
	static final String AWAIT_BLOCK_LIFTED = "Task_AwaitBlockLifted";

	private HoldSteps() {
	}

}
