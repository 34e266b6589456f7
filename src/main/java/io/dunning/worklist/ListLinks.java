package io.dunning.worklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list's own links, built from the query the page was asked with, so that every filter (broken promise, SLA
 * passed, and any added later) carries over to the next page, the first page and the poll without being named here.
 * Values are expanded as template variables: every reserved character of a value ('+', '&', '|') is escaped.
 */
final class ListLinks {

	/** Where a page is, or a one-off switch, not what it shows: dropped or replaced by each link. */
	private static final Set<String> NOT_CARRIED = Set.of("after", "known", "lang");

	/** A list of this application: the path, then at most a query of encoded characters. */
	private static final Pattern LIST = Pattern.compile("/tasks(\\?[A-Za-z0-9=&%._~+-]*)?");

	private ListLinks() {
	}

	/** The next page: the same query after the cursor. */
	static String next(Map<String, String> params, String cursor) {
		Map<String, String> query = carried(params);
		query.put("after", cursor);
		return link("/tasks", query);
	}

	/** The first page of the same query. */
	static String first(Map<String, String> params) {
		return link("/tasks", carried(params));
	}

	/** The lines alone, which htmx polls. */
	static String rows(Map<String, String> params) {
		return link("/tasks/rows", carried(params));
	}

	/**
	 * Where the task page leads back to, and where a completion lands: the list the user came from, when it is one of
	 * this application's lists, or else their own tasks. Anything else is refused, so that no link can send a user
	 * to another site.
	 */
	static String backTo(String list) {
		return list != null && LIST.matcher(list).matches() ? list : "/tasks?view=mine";
	}

	private static Map<String, String> carried(Map<String, String> params) {
		Map<String, String> carried = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (!NOT_CARRIED.contains(name)) {
				carried.put(name, value);
			}
		});
		return carried;
	}

	private static String link(String path, Map<String, String> query) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		Map<String, String> values = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<String, String> param : query.entrySet()) {
			String variable = "v" + i++;
			link.queryParam(param.getKey(), "{" + variable + "}");
			values.put(variable, param.getValue());
		}
		return link.encode().buildAndExpand(values).toUriString();
	}

}
