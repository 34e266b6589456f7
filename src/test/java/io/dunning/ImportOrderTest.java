package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Imports in one order everywhere, as the formatter of the codebases we imitate writes them: static imports, then
 * java and javax, then the rest, each group sorted and apart.
 */
class ImportOrderTest {

	@Test
	void everySourceFileHasItsImportsInOrder() throws IOException {
		List<String> unordered = new ArrayList<>();
		for (String root : List.of("src/main/java", "src/embedded/java", "src/test/java")) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					List<String> lines = Files.readAllLines(file);
					List<Integer> at = new ArrayList<>();
					for (int i = 0; i < lines.size(); i++) {
						if (lines.get(i).startsWith("import ")) {
							at.add(i);
						}
					}
					List<String> block = at.isEmpty() ? List.of() : lines.subList(at.getFirst(), at.getLast() + 1);
					if (!block.equals(ordered(block))) {
						unordered.add(file.toString());
					}
				}
			}
		}
		assertThat(unordered).as("files whose imports are out of order").isEmpty();
	}

	/** The import block as it should read: its import lines in their groups, a blank line between two groups. */
	private static List<String> ordered(List<String> lines) {
		List<String> imports = lines.stream().filter(line -> !line.isEmpty()).toList();
		List<String> result = new ArrayList<>();
		for (List<String> group : List.of(
				imports.stream().filter(line -> line.startsWith("import static ")).sorted().toList(),
				imports.stream().filter(line -> line.matches("import javax?\\..*")).sorted().toList(),
				imports.stream().filter(line -> !line.startsWith("import static ") && !line.matches("import javax?\\..*"))
					.sorted().toList())) {
			if (group.isEmpty()) {
				continue;
			}
			if (!result.isEmpty()) {
				result.add("");
			}
			result.addAll(group);
		}
		return result;
	}

}
