package io.dunning.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's log keeps a bounded part of itself on the heap, spills the rest, and forgets what every reader passed. */
class CompactingLogStorageTest {

	private static final int BLOCK_BYTES = 100;

	private static final AppendListener IGNORED = new AppendListener() {
	};

	@TempDir
	Path directory;

	@Test
	void blocksBeyondTheHeapBudgetGoToDiskAndReadBackInPositionOrder() throws Exception {
		CompactingLogStorage log = new CompactingLogStorage(directory, 10 * BLOCK_BYTES, 20 * BLOCK_BYTES);
		for (int block = 0; block < 100; block++) {
			append(log, block);
		}

		assertThat(log.retainedHeapBytes()).isEqualTo(10 * BLOCK_BYTES);
		assertThat(log.spilledBlocks()).isEqualTo(90);
		assertThat(segmentFiles()).hasSize(5);
		assertThat(readFrom(log, 0)).containsExactlyElementsOf(range(0, 100));
		assertThat(readFrom(log, 55 * 10)).startsWith(54, 55, 56);
	}

	@Test
	void aSegmentFileGoesOnceEveryBlockInItIsDroppedAndReadersCarryOn() throws Exception {
		CompactingLogStorage log = new CompactingLogStorage(directory, 10 * BLOCK_BYTES, 20 * BLOCK_BYTES);
		for (int block = 0; block < 100; block++) {
			append(log, block);
		}
		LogStorageReader reader = log.newReader();
		reader.seek(0);
		List<Integer> read = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			read.add(numberOf(reader.next()));
		}

		// Blocks 0-9 on the heap, 10-29 and 30-49 in the first two segments: all of them below position 500.
		assertThat(log.dropBelow(500)).isEqualTo(50);

		assertThat(log.retainedHeapBytes()).isZero();
		assertThat(segmentFiles()).hasSize(3);
		while (reader.hasNext()) {
			read.add(numberOf(reader.next()));
		}
		assertThat(read).containsExactlyElementsOf(range(0, 100));
	}

	@Test
	void onceTheEngineCatchesUpNewBlocksStayOnTheHeapAgainAndCloseLeavesNoFile() throws Exception {
		CompactingLogStorage log = new CompactingLogStorage(directory, 10 * BLOCK_BYTES, 20 * BLOCK_BYTES);
		for (int block = 0; block < 30; block++) {
			append(log, block);
		}
		log.dropBelow(30 * 10);
		for (int block = 30; block < 35; block++) {
			append(log, block);
		}

		assertThat(log.spilledBlocks()).isEqualTo(20);
		assertThat(log.retainedHeapBytes()).isEqualTo(5 * BLOCK_BYTES);
		assertThat(readFrom(log, 0)).containsExactlyElementsOf(range(30, 35));

		log.close();
		assertThat(segmentFiles()).isEmpty();
	}

	/** Block n holds positions 10n to 10n+9, and its first four bytes say n. */
	private static void append(CompactingLogStorage log, int number) {
		ByteBuffer data = ByteBuffer.allocate(BLOCK_BYTES);
		data.putInt(0, number);
		data.position(BLOCK_BYTES);
		log.append(number * 10L, number * 10L + 9, data, IGNORED);
	}

	private static List<Integer> readFrom(CompactingLogStorage log, long position) {
		List<Integer> numbers = new ArrayList<>();
		LogStorageReader reader = log.newReader();
		reader.seek(position);
		while (reader.hasNext()) {
			numbers.add(numberOf(reader.next()));
		}
		return numbers;
	}

	private static int numberOf(DirectBuffer block) {
		assertThat(block.capacity()).isEqualTo(BLOCK_BYTES);
		return block.getInt(0, ByteOrder.BIG_ENDIAN);
	}

	private static List<Integer> range(int from, int to) {
		return Stream.iterate(from, n -> n < to, n -> n + 1).toList();
	}

	private List<Path> segmentFiles() throws Exception {
		if (!Files.exists(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}

}
