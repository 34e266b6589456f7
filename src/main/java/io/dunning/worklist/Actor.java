package io.dunning.worklist;

import java.util.Set;

import io.dunning.security.UserGroups;
import org.springframework.security.core.Authentication;

/** The user working a task, with the candidate groups they belong to. */
record Actor(String name, Set<String> groups) {

	static Actor of(Authentication user) {
		return new Actor(user.getName(), UserGroups.of(user));
	}

}
