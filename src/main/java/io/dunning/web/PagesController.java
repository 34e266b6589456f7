package io.dunning.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page, which sends collectors and managers to their tasks and tells every other role what it can do here
 * and where: the pages it may open, and the API calls that are its work.
 */
@Controller
class PagesController {

	@GetMapping("/")
	String home(Authentication user, Model model) {
		Set<String> roles = user.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toSet());
		if (roles.contains("COLLECTOR") || roles.contains("MANAGER")) {
			return "redirect:/tasks?view=mine";
		}
		model.addAttribute("roles", roles);
		return "web/home";
	}

}
