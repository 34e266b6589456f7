package io.dunning.worklist;

import java.util.Set;

import io.dunning.security.UserGroups;
import org.springframework.security.core.Authentication;

/**
 * The user working or reading tasks, with the candidate groups they belong to. {@code seesAllTasks}: managers,
 * auditors and admins read every team's tasks; a collector reads only their groups' tasks and their own.
 */
record Actor(String name, Set<String> groups, boolean seesAllTasks) {

	private static final Set<String> READ_ALL = Set.of("ROLE_MANAGER", "ROLE_AUDITOR", "ROLE_ADMIN");

	Actor(String name, Set<String> groups) {
		this(name, groups, false);
	}

	static Actor of(Authentication user) {
		return new Actor(user.getName(), UserGroups.of(user),
				user.getAuthorities().stream().anyMatch(a -> READ_ALL.contains(a.getAuthority())));
	}

	boolean isManager(Authentication user) {
		return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER"));
	}

}
