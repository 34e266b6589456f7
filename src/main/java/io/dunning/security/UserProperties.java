package io.dunning.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users declared in configuration, for remote mode. Passwords are encoded hashes such as {@code {bcrypt}$2a$...},
 * given through the environment, never committed.
 */
@ConfigurationProperties("dunning.security")
record UserProperties(List<User> users) {

	UserProperties {
		users = users == null ? List.of() : users;
	}

	record User(String username, String password, List<Role> roles, List<String> groups) {

		User {
			roles = roles == null ? List.of() : roles;
			groups = groups == null ? List.of() : groups;
		}

	}

}
