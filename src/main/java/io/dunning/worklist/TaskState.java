package io.dunning.worklist;

/**
 * COMPLETING: the collector's answer is recorded and sent to the engine, which has not confirmed it yet (its answer
 * timed out or the engine was unreachable). Only the same collector's retry moves it on, with the recorded answer.
 */
enum TaskState {
	OPEN, COMPLETING, COMPLETED, CANCELLED
}
