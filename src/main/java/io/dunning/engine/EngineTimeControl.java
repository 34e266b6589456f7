package io.dunning.engine;

import java.time.Duration;

/** Moves the engine's own clock. Only the embedded engine has one that can move. */
public interface EngineTimeControl {

	void increaseTime(Duration duration);

}
