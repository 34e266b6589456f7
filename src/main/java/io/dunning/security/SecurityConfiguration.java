package io.dunning.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Every endpoint names the roles that own it; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();
	private static final String MANAGER = Role.MANAGER.name();
	private static final String COLLECTOR = Role.COLLECTOR.name();
	private static final String AUDITOR = Role.AUDITOR.name();
	private static final String INTEGRATOR = Role.INTEGRATOR.name();

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/admin/**").hasRole(ADMIN)
				.requestMatchers(POST, "/api/invoices", "/api/invoices/import").hasAnyRole(INTEGRATOR, ADMIN)
				.requestMatchers(POST, "/api/invoices/*/cancel").hasAnyRole(INTEGRATOR, MANAGER, ADMIN)
				.requestMatchers(POST, "/api/payments").hasAnyRole(INTEGRATOR, ADMIN)
				.requestMatchers(GET, "/api/invoices/*/history").hasAnyRole(AUDITOR, MANAGER, COLLECTOR, ADMIN)
				.requestMatchers(GET, "/api/invoices/*").hasAnyRole(INTEGRATOR, AUDITOR, MANAGER, COLLECTOR, ADMIN)
				.requestMatchers(GET, "/api/outbox").hasAnyRole(AUDITOR, MANAGER, ADMIN)
				.requestMatchers(GET, "/api/tasks").hasAnyRole(COLLECTOR, MANAGER, AUDITOR, ADMIN)
				.requestMatchers(POST, "/api/tasks/*/claim", "/api/tasks/*/complete").hasAnyRole(COLLECTOR, MANAGER)
				.anyRequest().denyAll())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/error", "/actuator/health").permitAll()
				.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

}
