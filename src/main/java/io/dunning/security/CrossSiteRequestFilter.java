package io.dunning.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API uses Basic authentication and no CSRF token, so a browser that has cached the credentials would send
 * them with a form posted from any other site. A state-changing API call that a browser marks as coming from
 * another site (Sec-Fetch-Site) or another origin (Origin) is refused before it is authenticated. Clients that are
 * not browsers (curl, an ERP) send neither header and are not affected.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ProblemResponses problems;

	CrossSiteRequestFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod()) || isSameOrigin(request)) {
			chain.doFilter(request, response);
			return;
		}
		problems.write(response, HttpStatus.FORBIDDEN, "Cross-site request refused",
				"A state-changing API call must not come from a page of another site.");
	}

	private static boolean isSameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !site.equals("same-origin") && !site.equals("none")) {
			return false;
		}
		String origin = request.getHeader("Origin");
		return origin == null || origin.equalsIgnoreCase(ownOrigin(request));
	}

	private static String ownOrigin(HttpServletRequest request) {
		int port = request.getServerPort();
		boolean defaultPort = "http".equals(request.getScheme()) && port == 80
				|| "https".equals(request.getScheme()) && port == 443;
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
