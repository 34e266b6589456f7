package io.dunning.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's log, which forgets and which spills to disk. The test engine's own log keeps every block in memory for
 * ever, so a process that runs for months grows without bound. Here, blocks that every reader has passed are dropped:
 * the engine's state lives in its store, and nothing replays the log (the store itself starts empty at every start).
 * <p>
 * Blocks stay on the heap up to a budget. Beyond it, while the engine works through a burst (65 000 reminders falling
 * due on one day wrote a million blocks faster than the engine processed them), new blocks go to segment files on
 * disk, and a segment file is deleted once every block in it has been dropped.
 */
final class CompactingLogStorage implements LogStorage {

	private static final Logger log = LoggerFactory.getLogger(CompactingLogStorage.class);

	/** Blocks by their lowest position. */
	private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();

	private final Set<CommitListener> commitListeners = ConcurrentHashMap.newKeySet();

	private final Path spillDirectory;

	private final long heapBudgetBytes;

	private final long segmentBytes;

	private final AtomicLong appended = new AtomicLong();

	private volatile long highestPosition = -1;

	private final AtomicLong heapBytes = new AtomicLong();

	private final AtomicLong diskBytes = new AtomicLong();

	private final AtomicLong spilledBlocks = new AtomicLong();

	/** Segment files not yet deleted, the one being written included. */
	private final Set<Segment> open = new HashSet<>();

	private Segment writing;

	private int segments;

	private boolean spilling;

	CompactingLogStorage(Path spillDirectory, long heapBudgetBytes, long segmentBytes) {
		this.spillDirectory = spillDirectory;
		this.heapBudgetBytes = heapBudgetBytes;
		this.segmentBytes = segmentBytes;
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
		blocks.put(lowestPosition, store(highestPosition, data));
		this.highestPosition = highestPosition;
		long index = appended.incrementAndGet();
		listener.onWrite(index, highestPosition);
		listener.onCommit(index, highestPosition);
		commitListeners.forEach(CommitListener::onCommit);
	}

	private synchronized Block store(long highestPosition, ByteBuffer data) {
		// A reader wraps a block's whole buffer, whatever its position and limit: so is it counted and spilled.
		int length = data.capacity();
		// Once spilling, back to the heap only when half of it is free, so that a burst is logged once, not per block.
		if (heapBytes.get() + length <= (spilling ? heapBudgetBytes / 2 : heapBudgetBytes)) {
			if (spilling) {
				spilling = false;
				log.info("The engine log is back within its {} KiB in memory; {} blocks went to disk since start",
						heapBudgetBytes >> 10, spilledBlocks.get());
			}
			heapBytes.addAndGet(length);
			return new HeapBlock(highestPosition, data);
		}
		if (!spilling) {
			spilling = true;
			log.info("The engine log is over its {} KiB in memory while the engine catches up; spilling to {}",
					heapBudgetBytes >> 10, spillDirectory);
		}
		if (writing == null || writing.full()) {
			if (writing != null && writing.seal()) {
				delete(writing);
			}
			writing = Segment.create(spillDirectory.resolve("log-" + segments++ + ".segment"), segmentBytes);
			open.add(writing);
		}
		DiskBlock block = writing.write(highestPosition, data);
		diskBytes.addAndGet(length);
		spilledBlocks.incrementAndGet();
		return block;
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
			release(entry.getValue());
			dropped++;
		}
		return dropped;
	}

	private synchronized void release(Block block) {
		switch (block) {
			case HeapBlock heap -> heapBytes.addAndGet(-heap.data().capacity());
			case DiskBlock disk -> {
				diskBytes.addAndGet(-disk.length());
				if (disk.segment().release()) {
					delete(disk.segment());
				}
			}
		}
	}

	private void delete(Segment segment) {
		segment.delete();
		open.remove(segment);
	}

	/** Deletes the segment files still on disk; the log is not used after this. */
	synchronized void close() {
		open.forEach(Segment::delete);
		open.clear();
		blocks.clear();
	}

	synchronized int segmentFiles() {
		return open.size();
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
		return heapBytes.get() + diskBytes.get();
	}

	long retainedHeapBytes() {
		return heapBytes.get();
	}

	long spilledBlocks() {
		return spilledBlocks.get();
	}

	private sealed interface Block permits HeapBlock, DiskBlock {

		long highestPosition();

		ByteBuffer read();

	}

	private record HeapBlock(long highestPosition, ByteBuffer data) implements Block {

		@Override
		public ByteBuffer read() {
			return data;
		}

	}

	private record DiskBlock(long highestPosition, Segment segment, long offset, int length) implements Block {

		@Override
		public ByteBuffer read() {
			return segment.read(offset, length);
		}

	}

	/**
	 * One file of spilled blocks, written once from start to end and read at any offset. It counts the blocks still
	 * held in it, so that it can go once the last of them is dropped.
	 */
	private static final class Segment {

		private final Path path;

		private final FileChannel channel;

		private final long capacity;

		private long size;

		private int live;

		private boolean sealed;

		private Segment(Path path, FileChannel channel, long capacity) {
			this.path = path;
			this.channel = channel;
			this.capacity = capacity;
		}

		static Segment create(Path path, long capacity) {
			try {
				Files.createDirectories(path.getParent());
				return new Segment(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
						StandardOpenOption.WRITE), capacity);
			}
			catch (IOException e) {
				throw new UncheckedIOException("the engine log cannot spill to " + path, e);
			}
		}

		boolean full() {
			return size >= capacity;
		}

		DiskBlock write(long highestPosition, ByteBuffer data) {
			long offset = size;
			int length = data.capacity();
			ByteBuffer source = data.duplicate().clear();
			try {
				while (source.hasRemaining()) {
					channel.write(source, offset + (length - source.remaining()));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("the engine log cannot write to " + path, e);
			}
			size += length;
			live++;
			return new DiskBlock(highestPosition, this, offset, length);
		}

		ByteBuffer read(long offset, int length) {
			ByteBuffer target = ByteBuffer.allocate(length);
			try {
				while (target.hasRemaining()) {
					if (channel.read(target, offset + target.position()) < 0) {
						throw new IllegalStateException("the engine log segment " + path + " ends before its block");
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("the engine log cannot read " + path, e);
			}
			return target.flip();
		}

		/** True when no block is held in it any more: the segment can go. */
		boolean seal() {
			sealed = true;
			return live == 0;
		}

		/** True when this was the last block held and no more will be written: the segment can go. */
		boolean release() {
			live--;
			return sealed && live == 0;
		}

		void delete() {
			try {
				channel.close();
				Files.deleteIfExists(path);
			}
			catch (IOException e) {
				log.warn("The engine log segment {} was not deleted", path, e);
			}
		}

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
			return new UnsafeBuffer(entry.getValue().read());
		}

		@Override
		public void close() {
		}

	}

}
