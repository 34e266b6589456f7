package io.dunning.engine.embedded;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.stream.impl.TypedEventRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the engine's record stream in log order and hands each record once to every listener, as an exporter would.
 * It keeps no record: its position is all it remembers, and the log may drop what lies behind it.
 */
final class RecordTap implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RecordTap.class);

	private final LogStreamReader reader;

	private final int partitionId;

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "record-tap");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long position = -1;

	RecordTap(LogStreamReader reader, int partitionId) {
		this.reader = reader;
		this.partitionId = partitionId;
		poller.scheduleWithFixedDelay(this::readNew, 200, 200, TimeUnit.MILLISECONDS);
	}

	/** The listener sees the records of these value types only: the others are never decoded for it. */
	void addListener(Set<ValueType> valueTypes, Consumer<Record<?>> listener) {
		subscriptions.add(new Subscription(Set.copyOf(valueTypes), listener));
	}

	/** The position of the last record every listener has seen; -1 before the first. */
	long position() {
		return position;
	}

	private synchronized void readNew() {
		try {
			if (position < 0) {
				reader.seekToFirstEvent();
			}
			else {
				reader.seekToNextEvent(position);
			}
			RecordMetadata metadata = new RecordMetadata();
			while (reader.hasNext()) {
				LoggedEvent event = reader.next();
				metadata.reset();
				event.readMetadata(metadata);
				// Most records interest no listener (the app's only one wants incidents): decoding them all cost
				// the app a seventh of its allocations at volume.
				Record<?> record = null;
				for (Subscription subscription : subscriptions) {
					if (!subscription.valueTypes().contains(metadata.getValueType())) {
						continue;
					}
					if (record == null) {
						record = copy(event);
					}
					try {
						subscription.listener().accept(record);
					}
					catch (RuntimeException e) {
						log.warn("A record listener failed on record {}", event.getPosition(), e);
					}
				}
				position = event.getPosition();
			}
		}
		catch (RuntimeException e) {
			log.debug("Record stream read failed; will retry", e);
		}
	}

	private CopiedRecord<UnifiedRecordValue> copy(LoggedEvent event) {
		RecordMetadata metadata = new RecordMetadata();
		event.readMetadata(metadata);
		UnifiedRecordValue value;
		try {
			value = TypedEventRegistry.EVENT_REGISTRY.get(metadata.getValueType()).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("no record value type for " + metadata.getValueType(), e);
		}
		event.readValue(value);
		return new CopiedRecord<>(value, metadata, event.getKey(), partitionId, event.getPosition(),
				event.getSourceEventPosition(), event.getTimestamp());
	}

	@Override
	public void close() {
		poller.shutdownNow();
	}

	private record Subscription(Set<ValueType> valueTypes, Consumer<Record<?>> listener) {
	}

}
