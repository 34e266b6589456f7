package io.dunning.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends what no controller answered: a 403 from the security filters, an unknown address,
 * a method an address does not take, a URL the firewall rejects, an error thrown outside a controller. A browser gets
 * a page of the app, in its language and with the navigation; the API and any other client get RFC 9457 problem
 * details. {@code /error} asked for directly is not an error of the server: it is not found.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		if (wantsPage(request)) {
			response.setStatus(status.value());
			model.addAttribute("status", status.value());
			model.addAttribute("detail", null);
			return "web/error";
		}
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(status.getReasonPhrase());
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A browser asking for a page, not the API. */
	static boolean wantsPage(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String text ? text : request.getRequestURI();
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return !path.startsWith(request.getContextPath() + "/api/") && accept != null
				&& accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer value)) {
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = HttpStatus.resolve(value);
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

}
