package io.dunning.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.stream.api.scheduling.ScheduledCommandCache.StagedScheduledCommandCache;
import org.junit.jupiter.api.Test;

class PendingScheduledCommandsTest {

	private final PendingScheduledCommands pending = new PendingScheduledCommands();

	@Test
	void aRunsCommandsArePendingForLaterRunsOnlyOnceItsBatchIsWritten() {
		StagedScheduledCommandCache run = pending.stage();
		run.add(TimerIntent.TRIGGER, 7);

		assertThat(run.contains(TimerIntent.TRIGGER, 7)).as("seen by the same run").isTrue();
		assertThat(pending.contains(TimerIntent.TRIGGER, 7)).as("seen by other runs before the write").isFalse();

		run.persist();

		assertThat(pending.contains(TimerIntent.TRIGGER, 7)).isTrue();
		assertThat(pending.stage().contains(TimerIntent.TRIGGER, 7)).as("seen by the next run").isTrue();
	}

	@Test
	void aProcessedCommandIsWrittenAgainIfItsTimerIsStillDue() {
		StagedScheduledCommandCache run = pending.stage();
		run.add(TimerIntent.TRIGGER, 7);
		run.persist();

		pending.remove(TimerIntent.TRIGGER, 7);

		assertThat(pending.stage().contains(TimerIntent.TRIGGER, 7)).isFalse();
	}

	@Test
	void aBatchThatCouldNotBeWrittenLeavesNothingPending() {
		StagedScheduledCommandCache run = pending.stage();
		run.add(JobIntent.TIME_OUT, 9);
		run.persist();

		run.rollback();

		assertThat(pending.contains(JobIntent.TIME_OUT, 9)).isFalse();
	}

	@Test
	void onlyTheCheckersIntentsAreKept() {
		StagedScheduledCommandCache run = pending.stage();
		run.add(ProcessInstanceIntent.CANCEL, 3);
		run.persist();

		assertThat(run.contains(ProcessInstanceIntent.CANCEL, 3)).isFalse();
		assertThat(pending.contains(ProcessInstanceIntent.CANCEL, 3)).isFalse();
	}

}
