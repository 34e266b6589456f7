package io.dunning.security;

import java.util.ArrayList;
import java.util.List;

import io.dunning.engine.EngineMode;
import io.dunning.engine.EngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Demo users in embedded mode, plus any users declared under {@code dunning.security.users}. */
@Configuration(proxyBeanMethods = false)
class Users {

	private static final Logger log = LoggerFactory.getLogger(Users.class);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager userDetailsService(EngineProperties engine, UserProperties configured,
			PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		if (engine.mode() == EngineMode.EMBEDDED) {
			String demo = encoder.encode("demo");
			users.add(user("admin", demo, List.of(Role.ADMIN), List.of()));
			users.add(user("manager", demo, List.of(Role.MANAGER), List.of("managers", "collectors", "senior-collectors")));
			users.add(user("collector", demo, List.of(Role.COLLECTOR), List.of("collectors")));
			users.add(user("senior", demo, List.of(Role.COLLECTOR), List.of("senior-collectors")));
			users.add(user("auditor", demo, List.of(Role.AUDITOR), List.of()));
			users.add(user("integrator", demo, List.of(Role.INTEGRATOR), List.of()));
			log.warn("Embedded mode: demo users admin, manager, collector, senior, auditor and integrator, all with "
					+ "password 'demo'. Remote mode has no demo users.");
		}
		configured.users().forEach(u -> users.add(user(u.username(), u.password(), u.roles(), u.groups())));
		if (users.isEmpty()) {
			log.warn("No users are configured: declare them under dunning.security.users.");
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static UserDetails user(String name, String password, List<Role> roles, List<String> groups) {
		List<String> authorities = new ArrayList<>();
		roles.forEach(r -> authorities.add(r.authority()));
		groups.forEach(g -> authorities.add(UserGroups.PREFIX + g));
		return User.withUsername(name).password(password).authorities(authorities.toArray(String[]::new)).build();
	}

}
