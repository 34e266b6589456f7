package io.dunning.web;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout shows on every page: who is signed in, with which role, and the navigation that role may use. A
 * module adds a page to the navigation by adding a {@link NavItem} constant here.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class WebShell {

	/** A navigation entry: the message key of its label, its path, and the roles that see it. */
	record NavItem(String label, String path, List<String> roles) {

		boolean visibleTo(Authentication user) {
			return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.anyMatch(a -> roles.contains(a.replaceFirst("^ROLE_", "")));
		}

	}

	static final List<NavItem> NAVIGATION = List.of(
			new NavItem("nav.my-tasks", "/tasks?view=mine", List.of("COLLECTOR", "MANAGER")),
			new NavItem("nav.team-tasks", "/tasks?view=team", List.of("COLLECTOR", "MANAGER")),
			new NavItem("nav.all-tasks", "/tasks?view=all", List.of("MANAGER")),
			new NavItem("nav.promises", "/promises", List.of("COLLECTOR", "MANAGER")),
			new NavItem("nav.blocks", "/blocks", List.of("MANAGER")),
			new NavItem("nav.interest-rates", "/admin/interest-rates", List.of("ADMIN")),
			new NavItem("nav.incidents", "/incidents", List.of("MANAGER", "ADMIN")),
			new NavItem("nav.api", "/swagger-ui.html", List.of("ADMIN", "INTEGRATOR", "AUDITOR", "MANAGER")));

	/** The shell's attributes for a model no advice filled: an exception handler's. */
	void addTo(Model model, HttpServletRequest request) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		Authentication signedIn = user == null || user instanceof AnonymousAuthenticationToken ? null : user;
		model.addAttribute("navigation", navigation(signedIn));
		model.addAttribute("currentPage", currentPage(request));
		model.addAttribute("languageLinks", languageLinks(request));
		model.addAttribute("username", username(signedIn));
		model.addAttribute("role", role(signedIn));
	}

	// The role shown in the header when a user has several: the broadest first.
	private static final List<String> ROLE_ORDER = List.of("ADMIN", "MANAGER", "COLLECTOR", "AUDITOR", "INTEGRATOR");

	@ModelAttribute("navigation")
	List<NavItem> navigation(Authentication user) {
		return user == null ? List.of() : NAVIGATION.stream().filter(item -> item.visibleTo(user)).toList();
	}

	/** The page as the navigation names it (path and view), to mark the current entry. */
	@ModelAttribute("currentPage")
	String currentPage(HttpServletRequest request) {
		String view = request.getParameter("view");
		return request.getRequestURI() + (view == null ? "" : "?view=" + view);
	}

	/**
	 * The language switch's links: the page shown, with every parameter it was asked with, in the other language. A
	 * page rendered in answer to a form (a POST, such as a form error) is switched at the page the form was on, which
	 * the same-origin Referer names; a GET to the form's address would be a 405.
	 */
	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		String page = "GET".equals(request.getMethod()) ? request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : referringPage(request);
		Map<String, String> links = new LinkedHashMap<>();
		for (String language : List.of("fr", "en")) {
			links.put(language, UriComponentsBuilder.fromUriString(page).replaceQueryParam("lang", language).build()
				.toUriString());
		}
		return links;
	}

	private static String referringPage(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			URI from = URI.create(referer);
			if (request.getServerName().equals(from.getHost()) && request.getServerPort() == from.getPort()
					&& from.getRawPath() != null) {
				return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
			}
		}
		return request.getContextPath() + "/";
	}

	@ModelAttribute("username")
	String username(Authentication user) {
		return user == null ? null : user.getName();
	}

	@ModelAttribute("role")
	String role(Authentication user) {
		if (user == null) {
			return null;
		}
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.min(Comparator.comparingInt(ROLE_ORDER::indexOf))
			.orElse(null);
	}

}
