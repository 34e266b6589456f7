package io.dunning.escalation.pause;

/**
 * How a manager ends a dispute: in our favour (the path resumes), with a credit note (the balance goes down; a full
 * one cancels the invoice), or with the invoice corrected (the path starts again on the new due date).
 */
enum DisputeResolution {
	IN_OUR_FAVOUR, CREDIT_NOTE, CORRECTED
}
