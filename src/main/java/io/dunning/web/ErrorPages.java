package io.dunning.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends what no controller answered: a 403 from the security filters, a URL the firewall
 * rejects, an error thrown outside a controller. A browser gets a page of the app, in the shell; anything else gets
 * RFC 9457 problem details. {@code /error} asked for directly is not an error of the server: it is not found.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("detail", null);
		return "web/error";
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(status.getReasonPhrase());
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
