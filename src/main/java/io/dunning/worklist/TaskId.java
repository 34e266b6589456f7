package io.dunning.worklist;

import com.fasterxml.jackson.annotation.JsonValue;

/** Our own id of a task. Never the engine's job key, which restarts with every embedded engine. */
record TaskId(@JsonValue long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
