package io.dunning.engine.embedded;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's log, which forgets and which spills to disk. The test engine's own log keeps every block in memory for
 * ever, so a process that runs for months grows without bound. Here, blocks that every reader has passed are dropped:
 * the engine's state lives in its store, and nothing replays the log (the store itself starts empty at every start).
 * <p>
 * Blocks stay on the heap up to a budget. Beyond it, while the engine works through a burst (65 000 reminders falling
 * due on one day wrote a million blocks faster than the engine processed them), new blocks spill to disk
 * ({@link LogBlocks}).
 */
final class CompactingLogStorage implements LogStorage {

	/** Blocks by their lowest position. */
	private final ConcurrentSkipListMap<Long, LogBlocks.Block> blocks = new ConcurrentSkipListMap<>();

	private final Set<CommitListener> commitListeners = ConcurrentHashMap.newKeySet();

	private final LogBlocks kept;

	private final AtomicLong appended = new AtomicLong();

	private volatile long highestPosition = -1;

	CompactingLogStorage(Path spillDirectory, long heapBudgetBytes, long segmentBytes) {
		this.kept = new LogBlocks(spillDirectory, heapBudgetBytes, segmentBytes);
	}

	@Override
	public LogStorageReader newReader() {
		return new Reader();
	}

	@Override
	public void append(long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
		ByteBuffer data = ByteBuffer.allocate(writer.getLength());
		writer.write(new UnsafeBuffer(data), 0);
		append(lowestPosition, highestPosition, data, listener);
	}

	@Override
	public void append(long lowestPosition, long highestPosition, ByteBuffer data, AppendListener listener) {
		blocks.put(lowestPosition, kept.store(highestPosition, data));
		this.highestPosition = highestPosition;
		long index = appended.incrementAndGet();
		listener.onWrite(index, highestPosition);
		listener.onCommit(index, highestPosition);
		commitListeners.forEach(CommitListener::onCommit);
	}

	@Override
	public void addCommitListener(CommitListener listener) {
		commitListeners.add(listener);
	}

	@Override
	public void removeCommitListener(CommitListener listener) {
		commitListeners.remove(listener);
	}

	/** Drops every block whose records all sit below this position; returns how many were dropped. */
	int dropBelow(long position) {
		int dropped = 0;
		for (Map.Entry<Long, LogBlocks.Block> entry : blocks.entrySet()) {
			if (entry.getValue().highestPosition() >= position) {
				break;
			}
			blocks.remove(entry.getKey());
			kept.release(entry.getValue());
			dropped++;
		}
		return dropped;
	}

	/** Deletes the segment files still on disk; the log is not used after this. */
	void close() {
		blocks.clear();
		kept.close();
	}

	int segmentFiles() {
		return kept.segmentFiles();
	}

	long retainedBlocks() {
		return blocks.size();
	}

	/** The position of the last record appended; -1 before the first. */
	long highestPosition() {
		return highestPosition;
	}

	long appendedBlocks() {
		return appended.get();
	}

	long retainedBytes() {
		return kept.bytes();
	}

	long retainedHeapBytes() {
		return kept.heapBytes();
	}

	long spilledBlocks() {
		return kept.spilledBlocks();
	}

	/** Walks the blocks in position order; a block dropped behind it does not disturb it. */
	private final class Reader implements LogStorageReader {

		private long next = Long.MIN_VALUE;

		@Override
		public void seek(long position) {
			// The block that holds the position, or the one before it: the log stream reader scans forward from there.
			Long lower = blocks.lowerKey(position);
			next = lower == null ? Long.MIN_VALUE : lower;
		}

		@Override
		public boolean hasNext() {
			return blocks.ceilingKey(next) != null;
		}

		@Override
		public DirectBuffer next() {
			Map.Entry<Long, LogBlocks.Block> entry = blocks.ceilingEntry(next);
			if (entry == null) {
				throw new NoSuchElementException();
			}
			next = entry.getKey() + 1;
			return new UnsafeBuffer(entry.getValue().read());
		}

		@Override
		public void close() {
		}

	}

}
