package io.dunning.engine.embedded;

import java.nio.ByteBuffer;
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
 * The engine's log, in memory, that can forget. The test engine's own log keeps every block for ever, so a process
 * that runs for months grows without bound. Here, blocks that every reader has passed are dropped: the engine's state
 * lives in its store, and nothing replays the log (the store itself starts empty at every start).
 */
final class CompactingLogStorage implements LogStorage {

	private record Block(long highestPosition, ByteBuffer data) {
	}

	/** Blocks by their lowest position. */
	private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();

	private final Set<CommitListener> commitListeners = ConcurrentHashMap.newKeySet();

	private final AtomicLong appended = new AtomicLong();

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
		blocks.put(lowestPosition, new Block(highestPosition, data));
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
		for (Map.Entry<Long, Block> entry : blocks.entrySet()) {
			if (entry.getValue().highestPosition() >= position) {
				break;
			}
			blocks.remove(entry.getKey());
			dropped++;
		}
		return dropped;
	}

	long retainedBlocks() {
		return blocks.size();
	}

	long appendedBlocks() {
		return appended.get();
	}

	long retainedBytes() {
		return blocks.values().stream().mapToLong(block -> block.data().capacity()).sum();
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
			Map.Entry<Long, Block> entry = blocks.ceilingEntry(next);
			if (entry == null) {
				throw new NoSuchElementException();
			}
			next = entry.getKey() + 1;
			return new UnsafeBuffer(entry.getValue().data());
		}

		@Override
		public void close() {
		}

	}

}
