package io.dunning.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every endpoint names the roles that own it; anything not listed is denied. The table of who may call what is
 * src/docs/roles.md, and a test holds this class to it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();
	private static final String MANAGER = Role.MANAGER.name();
	private static final String COLLECTOR = Role.COLLECTOR.name();
	private static final String AUDITOR = Role.AUDITOR.name();
	private static final String INTEGRATOR = Role.INTEGRATOR.name();

	/**
	 * Pages run only the app's own scripts and style sheets: no inline script, no eval, no inline style. (form-js sets
	 * its styles through the DOM, which a policy does not block; htmx is told not to add its own style element.)
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** A URL the firewall rejects (an encoded slash, a double dot...) is a 400 answered like any other error. */
	@Bean
	RequestRejectedHandler requestRejected() {
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, LoginThrottle throttle) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/admin/**").hasRole(ADMIN)
				.requestMatchers(POST, "/api/invoices", "/api/invoices/import").hasAnyRole(INTEGRATOR, ADMIN)
				.requestMatchers(POST, "/api/invoices/*/cancel").hasAnyRole(INTEGRATOR, MANAGER)
				.requestMatchers(POST, "/api/payments").hasAnyRole(INTEGRATOR, ADMIN)
				.requestMatchers(POST, "/api/invoices/*/disputes").hasAnyRole(INTEGRATOR, COLLECTOR, MANAGER)
				.requestMatchers(GET, "/api/blocks").hasAnyRole(MANAGER, ADMIN)
				.requestMatchers("/api/blocks", "/api/blocks/*").hasRole(MANAGER)
				.requestMatchers(GET, "/api/invoices/*/history").hasAnyRole(AUDITOR, MANAGER, COLLECTOR, ADMIN)
				.requestMatchers(GET, "/api/invoices/*/notice.pdf").hasAnyRole(AUDITOR, MANAGER, ADMIN)
				.requestMatchers(GET, "/api/invoices/*").hasAnyRole(INTEGRATOR, AUDITOR, MANAGER, COLLECTOR, ADMIN)
				.requestMatchers(GET, "/api/outbox").hasAnyRole(AUDITOR, MANAGER, ADMIN)
				.requestMatchers(GET, "/api/tasks").hasAnyRole(COLLECTOR, MANAGER, AUDITOR, ADMIN)
				.requestMatchers(GET, "/api/incidents").hasAnyRole(MANAGER, ADMIN)
				.requestMatchers(POST, "/api/incidents/*/retry").hasRole(MANAGER)
				.requestMatchers(POST, "/api/tasks/*/claim", "/api/tasks/*/complete").hasAnyRole(COLLECTOR, MANAGER)
				.anyRequest().denyAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// Basic credentials are not a cookie but a browser replays them like one: the filter below stands in
			// for CSRF protection, which a stateless API has no token for.
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new CrossSiteRequestFilter(problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
					+ "frame-ancestors 'none'")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, ProblemResponses problems)
			throws Exception {
		return http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/error", "/actuator/health", "/css/**", "/js/**", "/vendor/**",
						"/favicon.ico", "/favicon.svg").permitAll()
				.requestMatchers("/tasks/**", "/forms/**", "/customers/**", "/promises").hasAnyRole(COLLECTOR, MANAGER)
				.requestMatchers(GET, "/invoices/*/notice.pdf").hasAnyRole(COLLECTOR, MANAGER)
				.requestMatchers("/blocks/**").hasRole(MANAGER)
				.requestMatchers("/admin/**").hasRole(ADMIN)
				.requestMatchers(GET, "/incidents").hasAnyRole(MANAGER, ADMIN)
				.requestMatchers("/incidents/**").hasRole(MANAGER)
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.httpBasic(basic -> {
			})
			.addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

}
