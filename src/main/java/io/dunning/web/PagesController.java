package io.dunning.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page, which sends each role to where its work is. */
@Controller
class PagesController {

	@GetMapping("/")
	String home(Authentication user) {
		boolean worksTasks = user.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_COLLECTOR") || a.getAuthority().equals("ROLE_MANAGER"));
		return worksTasks ? "redirect:/tasks?view=mine" : "web/home";
	}

}
