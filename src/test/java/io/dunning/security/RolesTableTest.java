package io.dunning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The roles table (src/docs/roles.md) is what the application does: each row's roles, and only they, pass the URL
 * rules, and every endpoint the application maps has a row.
 */
class RolesTableTest extends IntegrationTest {

	private static final Path TABLE = Path.of("src/docs/roles.md");

	@Autowired
	WebInvocationPrivilegeEvaluator privileges;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Row(String method, String path, Set<String> roles) {

		String endpoint() {
			return method + " " + path;
		}

		// A sample address for the path's template: every {variable} becomes a plain segment.
		String sample() {
			return path.replaceAll("\\{[^}]+}", "X1");
		}

	}

	@Test
	void everyEndpointOfTheApplicationHasARowInTheRolesTable() throws IOException {
		Set<String> documented = rows().stream().map(Row::endpoint).collect(Collectors.toSet());
		Set<String> mapped = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("io.dunning")) {
				mapped.addAll(endpoints(info));
			}
		});

		assertThat(mapped).isNotEmpty();
		assertThat(documented).as("endpoints with no row in " + TABLE).containsAll(mapped);
	}

	@Test
	void eachRoleReachesExactlyTheEndpointsTheTableGivesIt() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Row row : rows()) {
			for (Map.Entry<String, Authentication> who : users().entrySet()) {
				boolean allowed = privileges.isAllowed("", row.sample(), row.method(), who.getValue());
				boolean expected = row.roles().contains("anyone")
						|| who.getValue() != null && (row.roles().contains("signed-in") || row.roles().contains(who.getKey()));
				if (allowed != expected) {
					wrong.add(row.endpoint() + ": " + who.getKey() + (allowed ? " is let in" : " is refused"));
				}
			}
		}

		assertThat(wrong).isEmpty();
	}

	private static Map<String, Authentication> users() {
		Map<String, Authentication> users = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			users.put(role.name(), UsernamePasswordAuthenticationToken.authenticated(role.name().toLowerCase(), null,
					List.of(new SimpleGrantedAuthority(role.authority()))));
		}
		users.put("nobody signed in", null);
		return users;
	}

	private static Set<String> endpoints(RequestMappingInfo info) {
		Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
			.collect(Collectors.toSet());
		Set<String> endpoints = new TreeSet<>();
		for (String path : info.getPatternValues()) {
			for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
				endpoints.add(method + " " + path);
			}
		}
		return endpoints;
	}

	private static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(TABLE)) {
			String[] cells = line.split("\\|", -1);
			if (cells.length < 5 || !cells[1].strip().matches("GET|POST|PUT|DELETE|PATCH")) {
				continue;
			}
			Set<String> roles = new TreeSet<>();
			for (String role : cells[3].split(",")) {
				roles.add(role.strip());
			}
			rows.add(new Row(cells[1].strip(), cells[2].strip(), roles));
		}
		assertThat(rows).as("rows of " + TABLE).hasSizeGreaterThan(20);
		return rows;
	}

}
