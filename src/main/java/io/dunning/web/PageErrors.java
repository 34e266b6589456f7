package io.dunning.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page's error is a page, in the shell, saying what went wrong; the API answers problem details instead. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, HttpServletResponse response, Model model) {
		return page(HttpStatus.NOT_FOUND, e.getMessage(), response, model);
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(AccessDeniedException e, HttpServletResponse response, Model model) {
		return page(HttpStatus.FORBIDDEN, e.getMessage(), response, model);
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException e, HttpServletResponse response, Model model) {
		return page(HttpStatus.CONFLICT, e.getMessage(), response, model);
	}

	@ExceptionHandler(BadInputException.class)
	String badInput(BadInputException e, HttpServletResponse response, Model model) {
		return page(HttpStatus.BAD_REQUEST, String.join("; ", e.errors().stream()
			.map(error -> error.field() + ": " + error.message()).toList()), response, model);
	}

	private static String page(HttpStatus status, String detail, HttpServletResponse response, Model model) {
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("detail", detail);
		return "web/error";
	}

}
