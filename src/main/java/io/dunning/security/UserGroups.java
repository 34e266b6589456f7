package io.dunning.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Candidate groups travel as authorities named {@code GROUP_<name>}. */
public final class UserGroups {

	static final String PREFIX = "GROUP_";

	private UserGroups() {
	}

	public static Set<String> of(Authentication user) {
		return user.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(PREFIX))
			.map(a -> a.substring(PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
