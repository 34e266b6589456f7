package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class ListLinksTest {

	private static Map<String, String> asked() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("view", "team");
		params.put("step", "Task_CourtesyCall");
		params.put("customer", "Dupont & Fils+Cie");
		params.put("brokenPromise", "on");
		params.put("slaPassed", "on");
		params.put("sort", "due");
		params.put("after", "2026-01-31|C-1|Task_CourtesyCall");
		params.put("known", "abc");
		params.put("lang", "fr");
		return params;
	}

	private static Map<String, String> query(String link) {
		return UriComponentsBuilder.fromUriString(link).build(true).getQueryParams().toSingleValueMap().entrySet().stream()
			.collect(LinkedHashMap::new,
					(m, e) -> m.put(e.getKey(), URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)), Map::putAll);
	}

	@Test
	void theNextPageKeepsEveryFilterAndMovesTheCursor() {
		String next = ListLinks.next(asked(), "2026-02-01|C-9+X|Task_CourtesyCall");

		assertThat(next).startsWith("/tasks?");
		assertThat(query(next)).containsExactly(Map.entry("view", "team"), Map.entry("step", "Task_CourtesyCall"),
				Map.entry("customer", "Dupont & Fils+Cie"), Map.entry("brokenPromise", "on"),
				Map.entry("slaPassed", "on"), Map.entry("sort", "due"),
				Map.entry("after", "2026-02-01|C-9+X|Task_CourtesyCall"));
	}

	@Test
	void theFirstPageAndThePollKeepEveryFilterWithoutTheCursor() {
		assertThat(query(ListLinks.first(asked()))).containsOnlyKeys("view", "step", "customer", "brokenPromise",
				"slaPassed", "sort");
		assertThat(ListLinks.rows(asked())).startsWith("/tasks/rows?");
		assertThat(query(ListLinks.rows(asked()))).containsEntry("brokenPromise", "on").containsEntry("slaPassed", "on")
			.doesNotContainKeys("after", "known");
	}

	@Test
	void theTaskPageLeadsBackToTheListItCameFromAndNowhereElse() {
		String list = ListLinks.first(asked());

		assertThat(ListLinks.backTo(list)).isEqualTo(list);
		assertThat(ListLinks.backTo(null)).isEqualTo("/tasks?view=mine");
		for (String elsewhere : new String[] { "https://evil.example/tasks", "//evil.example", "/tasks/../login",
				"/customers/C-1", "/tasks?view=team\r\nSet-Cookie:x=1", "/tasks?x=<script>" }) {
			assertThat(ListLinks.backTo(elsewhere)).as(elsewhere).isEqualTo("/tasks?view=mine");
		}
	}

}
