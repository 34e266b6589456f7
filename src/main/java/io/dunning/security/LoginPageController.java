package io.dunning.security;

import io.dunning.engine.EngineMode;
import io.dunning.engine.EngineProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPageController {

	private final EngineProperties engine;

	LoginPageController(EngineProperties engine) {
		this.engine = engine;
	}

	@GetMapping("/login")
	String login(Model model) {
		// The demo users exist only with the embedded engine; a real installation must not advertise them.
		model.addAttribute("demoUsers", engine.mode() == EngineMode.EMBEDDED);
		return "security/login";
	}

}
