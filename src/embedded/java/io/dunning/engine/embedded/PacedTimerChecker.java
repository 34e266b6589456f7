package io.dunning.engine.embedded;

import java.time.Duration;
import java.util.List;

import io.camunda.zeebe.engine.processing.streamprocessor.TypedRecordProcessors;
import io.camunda.zeebe.engine.processing.timer.DueDateTimerCheckScheduler;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.stream.api.ReadonlyStreamProcessorContext;
import io.camunda.zeebe.stream.api.StreamClock;
import io.camunda.zeebe.stream.api.StreamProcessorLifecycleAware;
import io.camunda.zeebe.stream.api.scheduling.AsyncTaskGroup;
import io.camunda.zeebe.stream.api.scheduling.ProcessingScheduleService;
import io.camunda.zeebe.stream.api.scheduling.Task;

/**
 * The engine's due-date timer checker, run at most once a {@link #PACE} while TRIGGERs it wrote still wait in the log.
 * <p>
 * Each run visits the due timers from the earliest on, skipping those already triggered
 * ({@link PendingScheduledCommands}) for up to 50 ms, and runs again 100 ms later while due timers remain. In a burst, thousands of triggered timers are
 * visited again on every run: on day 7 of B6 (5 400 reminders due at once), thread dumps found the engine thread in
 * that visit three times out of four. A second's delay costs nothing to a reminder that waits days.
 */
final class PacedTimerChecker implements StreamProcessorLifecycleAware {

	static final Duration PACE = Duration.ofSeconds(1);

	private final StreamProcessorLifecycleAware checker;

	private final PendingScheduledCommands pending;

	PacedTimerChecker(StreamProcessorLifecycleAware checker, PendingScheduledCommands pending) {
		this.checker = checker;
		this.pending = pending;
	}

	/**
	 * The engine's processors, with their timer checker paced. An engine whose checker is not found (a new engine
	 * version that renamed or moved it) is refused: without the pacing, a day of due reminders stalls the engine.
	 */
	static TypedRecordProcessors paceIn(TypedRecordProcessors processors, PendingScheduledCommands pending) {
		List<StreamProcessorLifecycleAware> listeners = processors.getLifecycleListeners();
		if (listeners.stream().noneMatch(DueDateTimerCheckScheduler.class::isInstance)) {
			throw new IllegalStateException("The engine's processors have no " + DueDateTimerCheckScheduler.class.getName()
					+ " to pace (found " + listeners.stream().map(l -> l.getClass().getSimpleName()).toList() + "). "
					+ "The engine version changed: see src/docs/embedded-engine.md, \"On an upgrade\".");
		}
		listeners.replaceAll(listener -> listener instanceof DueDateTimerCheckScheduler
				? new PacedTimerChecker(listener, pending) : listener);
		return processors;
	}

	@Override
	public void onRecovered(ReadonlyStreamProcessorContext context) {
		checker.onRecovered(new PacedContext(context, pending));
	}

	@Override
	public void onClose() {
		checker.onClose();
	}

	@Override
	public void onFailed() {
		checker.onFailed();
	}

	@Override
	public void onPaused() {
		checker.onPaused();
	}

	@Override
	public void onResumed() {
		checker.onResumed();
	}

	private record PacedContext(ReadonlyStreamProcessorContext context, PendingScheduledCommands pending)
			implements ReadonlyStreamProcessorContext {

		@Override
		public ProcessingScheduleService getScheduleService() {
			return new PacedSchedule(context.getScheduleService(), context.getClock(), pending);
		}

		@Override
		public int getPartitionId() {
			return context.getPartitionId();
		}

		@Override
		public boolean enableAsyncScheduledTasks() {
			return context.enableAsyncScheduledTasks();
		}

		@Override
		public StreamClock getClock() {
			return context.getClock();
		}

	}

	/** The checker schedules itself with {@code runAt} or {@code runAtAsync}; those are paced, the rest passed on. */
	private record PacedSchedule(ProcessingScheduleService service, StreamClock clock, PendingScheduledCommands pending)
			implements ProcessingScheduleService {

		private long paced(long timestamp) {
			if (!pending.holds(TimerIntent.TRIGGER)) {
				return timestamp;
			}
			return Math.max(timestamp, clock.millis() + PACE.toMillis());
		}

		@Override
		public ScheduledTask runAt(long timestamp, Task task) {
			return service.runAt(paced(timestamp), task);
		}

		@Override
		public ScheduledTask runAtAsync(long timestamp, Task task) {
			return service.runAtAsync(paced(timestamp), task);
		}

		@Override
		public ScheduledTask runAtAsync(long timestamp, Task task, AsyncTaskGroup group) {
			return service.runAtAsync(paced(timestamp), task, group);
		}

		@Override
		public ScheduledTask runAt(long timestamp, Runnable task) {
			return service.runAt(timestamp, task);
		}

		@Override
		public ScheduledTask runDelayed(Duration delay, Runnable task) {
			return service.runDelayed(delay, task);
		}

		@Override
		public ScheduledTask runDelayed(Duration delay, Task task) {
			return service.runDelayed(delay, task);
		}

		@Override
		public ScheduledTask runDelayedAsync(Duration delay, Task task) {
			return service.runDelayedAsync(delay, task);
		}

		@Override
		public ScheduledTask runDelayedAsync(Duration delay, Task task, AsyncTaskGroup group) {
			return service.runDelayedAsync(delay, task, group);
		}

		@Override
		public void runAtFixedRate(Duration delay, Task task) {
			service.runAtFixedRate(delay, task);
		}

		@Override
		public void runAtFixedRateAsync(Duration delay, Task task) {
			service.runAtFixedRateAsync(delay, task);
		}

		@Override
		public void runAtFixedRateAsync(Duration delay, Task task, AsyncTaskGroup group) {
			service.runAtFixedRateAsync(delay, task, group);
		}

	}

}
