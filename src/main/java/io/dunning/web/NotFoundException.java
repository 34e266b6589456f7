package io.dunning.web;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something asked for does not exist. With a message key, a page says it in its own language (the key's
 * {@code i18n/messages} text, with the arguments); the API and the log read the English message.
 */
public class NotFoundException extends RuntimeException implements MessageSourceResolvable {

	private final String key;
	private final transient Object[] arguments;

	public NotFoundException(String message) {
		this(message, null);
	}

	public NotFoundException(String message, String key, Object... arguments) {
		super(message);
		this.key = key;
		this.arguments = arguments.clone();
	}

	@Override
	public String[] getCodes() {
		return key == null ? new String[0] : new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

}
