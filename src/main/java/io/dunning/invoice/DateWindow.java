package io.dunning.invoice;

import java.time.LocalDate;
import java.util.Optional;

/** The dates a field may sensibly hold; anything outside is a typo or a placeholder, such as 1900-01-01 or 9999-12-31. */
public record DateWindow(LocalDate earliest, LocalDate latest) {

	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** Invoice dates: from 2000-01-01 to ten years after today. */
	public static DateWindow forInvoices(LocalDate today) {
		return new DateWindow(EARLIEST, today.plusYears(10));
	}

	/** Dates that already happened: from 2000-01-01 to today. */
	public static DateWindow upTo(LocalDate today) {
		return new DateWindow(EARLIEST, today);
	}

	/** Why the date is out of the window, or empty if it is inside. */
	public Optional<String> problemWith(LocalDate date) {
		if (date.isBefore(earliest) || date.isAfter(latest)) {
			return Optional.of(date + " is out of range: it must be between " + earliest + " and " + latest);
		}
		return Optional.empty();
	}

}
