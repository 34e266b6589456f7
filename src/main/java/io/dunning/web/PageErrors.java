package io.dunning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page's error is a page, in the shell, saying what went wrong; the API answers problem details instead. An
 * exception handler's model gets none of the advice's model attributes, so the shell's (the navigation, the user) are
 * added here.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private final WebShell shell;
	private final MessageSource messages;

	PageErrors(WebShell shell, MessageSource messages) {
		this.shell = shell;
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(HttpStatus.NOT_FOUND, messages.getMessage(e, LocaleContextHolder.getLocale()), request, response,
				model);
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(HttpStatus.FORBIDDEN, e.getMessage(), request, response, model);
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(HttpStatus.CONFLICT, e.getMessage(), request, response, model);
	}

	@ExceptionHandler(BadInputException.class)
	String badInput(BadInputException e, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(HttpStatus.BAD_REQUEST, String.join("; ", e.errors().stream()
			.map(error -> error.field() + ": " + error.message()).toList()), request, response, model);
	}

	private String page(HttpStatus status, String detail, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		shell.addTo(model, request);
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("detail", detail);
		return "web/error";
	}

}
