package io.dunning.worklist;

enum TaskState {
	OPEN, COMPLETED, CANCELLED
}
