package io.dunning.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad fields of one request as they are found. Only the first {@link #LIMIT} are kept, so that a huge file of
 * bad rows costs a bounded answer; all of them are counted.
 */
public final class InputErrors {

	public static final int LIMIT = 1_000;

	private final List<InputError> kept = new ArrayList<>();
	private int total;

	public void add(InputError error) {
		if (kept.size() < LIMIT) {
			kept.add(error);
		}
		total++;
	}

	public void addAll(List<InputError> errors) {
		errors.forEach(this::add);
	}

	public boolean isEmpty() {
		return total == 0;
	}

	/** Rejects the request, naming the bad fields found so far. */
	public void throwIfAny() {
		if (total > 0) {
			throw new BadInputException(kept, total);
		}
	}

}
