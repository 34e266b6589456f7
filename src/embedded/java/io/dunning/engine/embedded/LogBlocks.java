package io.dunning.engine.embedded;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the log's blocks are kept: on the heap up to a budget, and beyond it, while the engine works through a burst,
 * in segment files on disk ({@link LogSegment}), each deleted once every block in it has been released.
 */
final class LogBlocks {

	private static final Logger log = LoggerFactory.getLogger(LogBlocks.class);

	/** A block of the log, wherever it is kept. */
	sealed interface Block permits HeapBlock, DiskBlock {

		long highestPosition();

		ByteBuffer read();

	}

	record HeapBlock(long highestPosition, ByteBuffer data) implements Block {

		@Override
		public ByteBuffer read() {
			return data;
		}

	}

	record DiskBlock(long highestPosition, LogSegment segment, long offset, int length) implements Block {

		@Override
		public ByteBuffer read() {
			return segment.read(offset, length);
		}

	}

	private final Path spillDirectory;

	private final long heapBudgetBytes;

	private final long segmentBytes;

	private final AtomicLong heapBytes = new AtomicLong();

	private final AtomicLong diskBytes = new AtomicLong();

	private final AtomicLong spilledBlocks = new AtomicLong();

	/** Segment files not yet deleted, the one being written included. */
	private final Set<LogSegment> open = new HashSet<>();

	private LogSegment writing;

	private int segments;

	private boolean spilling;

	LogBlocks(Path spillDirectory, long heapBudgetBytes, long segmentBytes) {
		this.spillDirectory = spillDirectory;
		this.heapBudgetBytes = heapBudgetBytes;
		this.segmentBytes = segmentBytes;
	}

	synchronized Block store(long highestPosition, ByteBuffer data) {
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
			writing = LogSegment.create(spillDirectory.resolve("log-" + segments++ + ".segment"), segmentBytes);
			open.add(writing);
		}
		DiskBlock block = writing.write(highestPosition, data);
		diskBytes.addAndGet(length);
		spilledBlocks.incrementAndGet();
		return block;
	}

	synchronized void release(Block block) {
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

	private void delete(LogSegment segment) {
		segment.delete();
		open.remove(segment);
	}

	/** Deletes the segment files still on disk; no block is read after this. */
	synchronized void close() {
		open.forEach(LogSegment::delete);
		open.clear();
	}

	synchronized int segmentFiles() {
		return open.size();
	}

	long bytes() {
		return heapBytes.get() + diskBytes.get();
	}

	long heapBytes() {
		return heapBytes.get();
	}

	long spilledBlocks() {
		return spilledBlocks.get();
	}

}
