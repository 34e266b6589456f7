package io.dunning.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Component;

/** Who the users are, for a module that must name one: their roles and the candidate groups they belong to. */
@Component
public class UserDirectory {

	/** A user as another module needs to know them. */
	public record Member(String username, Set<Role> roles, Set<String> groups) {

		public boolean hasAnyRole(Role... wanted) {
			return List.of(wanted).stream().anyMatch(roles::contains);
		}

	}

	private final UserDetailsManager users;

	UserDirectory(UserDetailsManager users) {
		this.users = users;
	}

	public Optional<Member> find(String username) {
		if (username == null || !users.userExists(username)) {
			return Optional.empty();
		}
		UserDetails user = users.loadUserByUsername(username);
		Set<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (authorities.contains(role.authority())) {
				roles.add(role);
			}
		}
		Set<String> groups = authorities.stream().filter(a -> a.startsWith(UserGroups.PREFIX))
			.map(a -> a.substring(UserGroups.PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return Optional.of(new Member(user.getUsername(), Set.copyOf(roles), groups));
	}

}
