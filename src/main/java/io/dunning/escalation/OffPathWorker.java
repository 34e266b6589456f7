package io.dunning.escalation;

/**
 * A bean whose job workers run beside a case's step, not as a step of its own: a listener that computes a variable,
 * or the work a non-interrupting timer starts while a task stays open (an SLA passed). Its jobs are not recorded as
 * the case's step, so a restarted case never starts before them; the worker records in the history what it does.
 */
public interface OffPathWorker {
}
