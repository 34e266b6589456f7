package io.dunning.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import io.camunda.zeebe.engine.processing.streamprocessor.TypedRecordProcessors;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.stream.api.ReadonlyStreamProcessorContext;
import io.camunda.zeebe.stream.api.StreamClock;
import io.camunda.zeebe.stream.api.StreamProcessorLifecycleAware;
import io.camunda.zeebe.stream.api.scheduling.ProcessingScheduleService;
import io.camunda.zeebe.stream.api.scheduling.ScheduledCommandCache.StagedScheduledCommandCache;
import io.camunda.zeebe.stream.api.scheduling.TaskResultBuilder;
import org.junit.jupiter.api.Test;

class PacedTimerCheckerTest {

	private static final long NOW = 10_000;

	private final PendingScheduledCommands pending = new PendingScheduledCommands();

	/** The moments at which the engine's schedule was asked to run the checker next. */
	private final List<Long> scheduledAt = new ArrayList<>();

	@Test
	void anEngineWhoseTimerCheckerIsNotFoundIsRefusedRatherThanRunUnpaced() {
		assertThatThrownBy(() -> PacedTimerChecker.paceIn(TypedRecordProcessors.processors(), pending))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("DueDateTimerCheckScheduler")
			.hasMessageContaining("src/docs/embedded-engine.md");
	}

	@Test
	void theCheckersNextRunIsLeftAsItAsksWhileNoTriggerWaits() {
		checkerAsking(NOW + 100).onRecovered(context());

		assertThat(scheduledAt).containsExactly(NOW + 100);
	}

	@Test
	void theCheckersNextRunIsAtLeastASecondAwayWhileATriggerItWroteWaitsInTheLog() {
		StagedScheduledCommandCache run = pending.stage();
		run.add(TimerIntent.TRIGGER, 7);
		run.persist();

		checkerAsking(NOW + 100).onRecovered(context());

		assertThat(scheduledAt).containsExactly(NOW + PacedTimerChecker.PACE.toMillis());
	}

	/** A timer checker that, once the engine has recovered, schedules its next run at this moment. */
	private StreamProcessorLifecycleAware checkerAsking(long at) {
		return new PacedTimerChecker(new StreamProcessorLifecycleAware() {
			@Override
			public void onRecovered(ReadonlyStreamProcessorContext context) {
				context.getScheduleService().runAt(at, TaskResultBuilder::build);
			}
		}, pending);
	}

	private ReadonlyStreamProcessorContext context() {
		ProcessingScheduleService schedule = (ProcessingScheduleService) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { ProcessingScheduleService.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("runAt") && args[0] instanceof Long timestamp) {
						scheduledAt.add(timestamp);
					}
					return null;
				});
		StreamClock clock = StreamClock.uncontrolled(InstantSource.fixed(Instant.ofEpochMilli(NOW)));
		return new ReadonlyStreamProcessorContext() {
			@Override
			public ProcessingScheduleService getScheduleService() {
				return schedule;
			}

			@Override
			public int getPartitionId() {
				return 1;
			}

			@Override
			public boolean enableAsyncScheduledTasks() {
				return false;
			}

			@Override
			public StreamClock getClock() {
				return clock;
			}
		};
	}

}
