package io.dunning.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file of spilled log blocks, written once from start to end and read at any offset. It counts the blocks still
 * held in it, so that it can go once the last of them is dropped. Not thread-safe for writing: {@link LogBlocks}
 * writes, seals and releases under its own lock; reads at an offset may come from any thread.
 */
final class LogSegment {

	private static final Logger log = LoggerFactory.getLogger(LogSegment.class);

	private final Path path;

	private final FileChannel channel;

	private final long capacity;

	private long size;

	private int live;

	private boolean sealed;

	private LogSegment(Path path, FileChannel channel, long capacity) {
		this.path = path;
		this.channel = channel;
		this.capacity = capacity;
	}

	static LogSegment create(Path path, long capacity) {
		try {
			Files.createDirectories(path.getParent());
			return new LogSegment(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
					StandardOpenOption.WRITE), capacity);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the engine log cannot spill to " + path, e);
		}
	}

	boolean full() {
		return size >= capacity;
	}

	/** Appends the block's whole buffer (a reader wraps all of it, whatever its position and limit). */
	LogBlocks.DiskBlock write(long highestPosition, ByteBuffer data) {
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
		return new LogBlocks.DiskBlock(highestPosition, this, offset, length);
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

	/** No more blocks go into it; true when none is held in it any more: the segment can go. */
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
