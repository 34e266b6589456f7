package io.dunning.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a login, by form or by Basic header, for a user name or address that {@link LoginThrottle} locked. */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;
	private final ProblemResponses problems;

	LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean formLogin = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
		String username = formLogin ? request.getParameter("username") : basicUser(request);
		if ((formLogin || username != null) && throttle.isLocked(username, request.getRemoteAddr())) {
			if (formLogin) {
				response.sendRedirect(request.getContextPath() + "/login?throttled");
			}
			else {
				response.setHeader("Retry-After", "900");
				problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
						"Too many wrong passwords for this user or from this address: try again later.");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static String basicUser(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
