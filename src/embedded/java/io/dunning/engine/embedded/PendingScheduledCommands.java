package io.dunning.engine.embedded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.stream.api.scheduling.ScheduledCommandCache.StageableScheduledCommandCache;

/**
 * The commands that the engine's scheduled checkers (due timers, job time-outs and back-offs, message expiries) have
 * written and the engine has not processed yet, so that a checker does not write them again.
 * <p>
 * The due-date checker runs every 100 ms and writes a TRIGGER for each due timer still in the engine's state, and a
 * timer leaves that state only once its TRIGGER is processed. Without this cache, a burst of due timers larger than one
 * run can write is written again on every run: 20 000 timers due at once wrote 1.15 million TRIGGER commands. A real
 * broker keeps the same cache for the same intents; the test engine's factory, which this assembly follows, leaves it
 * out.
 */
final class PendingScheduledCommands implements StageableScheduledCommandCache {

	/**
	 * Beyond this many pending commands of one intent, new ones are not remembered, so a later run may write them
	 * again, as without the cache: the engine rejects the extra copy, and nothing is lost.
	 */
	private static final int CAPACITY_PER_INTENT = 100_000;

	private final Map<Intent, Set<Long>> pending = Stream
		.of(TimerIntent.TRIGGER, JobIntent.TIME_OUT, JobIntent.RECUR_AFTER_BACKOFF, MessageIntent.EXPIRE)
		.collect(Collectors.toUnmodifiableMap(Function.identity(), intent -> ConcurrentHashMap.newKeySet()));

	@Override
	public void add(Intent intent, long key) {
		Set<Long> keys = pending.get(intent);
		if (keys != null && keys.size() < CAPACITY_PER_INTENT) {
			keys.add(key);
		}
	}

	@Override
	public boolean contains(Intent intent, long key) {
		Set<Long> keys = pending.get(intent);
		return keys != null && keys.contains(key);
	}

	@Override
	public void remove(Intent intent, long key) {
		Set<Long> keys = pending.get(intent);
		if (keys != null) {
			keys.remove(key);
		}
	}

	@Override
	public void clear() {
		pending.values().forEach(Set::clear);
	}

	/** Whether commands of this intent wait in the log, written and not yet processed. */
	boolean holds(Intent intent) {
		Set<Long> keys = pending.get(intent);
		return keys != null && !keys.isEmpty();
	}

	@Override
	public StagedScheduledCommandCache stage() {
		return new Staged();
	}

	/** What one run of a checker writes: kept only once its batch is in the log. */
	private final class Staged implements StagedScheduledCommandCache {

		private final Map<Intent, Set<Long>> staged = new HashMap<>();

		@Override
		public void add(Intent intent, long key) {
			if (pending.containsKey(intent)) {
				staged.computeIfAbsent(intent, ignored -> new HashSet<>()).add(key);
			}
		}

		@Override
		public boolean contains(Intent intent, long key) {
			return staged.getOrDefault(intent, Set.of()).contains(key) || PendingScheduledCommands.this.contains(intent, key);
		}

		@Override
		public void remove(Intent intent, long key) {
			Set<Long> keys = staged.get(intent);
			if (keys != null) {
				keys.remove(key);
			}
		}

		@Override
		public void clear() {
			staged.clear();
		}

		@Override
		public void persist() {
			staged.forEach((intent, keys) -> keys.forEach(key -> PendingScheduledCommands.this.add(intent, key)));
		}

		@Override
		public void rollback() {
			staged.forEach((intent, keys) -> keys.forEach(key -> PendingScheduledCommands.this.remove(intent, key)));
		}

	}

}
