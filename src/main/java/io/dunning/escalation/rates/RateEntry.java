package io.dunning.escalation.rates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import io.dunning.escalation.DunningProperties;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import io.dunning.web.InputErrors;
import io.dunning.web.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin adds the rate of a half-year, with the official text it comes from. A half-year that has its rate keeps
 * it: a published rate does not change, and the notices already issued were computed with it.
 */
@Service
class RateEntry {

	/** What the admin gives, read as text so that every bad field is named, whatever its kind. */
	record Request(String kind, String halfYear, String rate, String source) {
	}

	static final BigDecimal HIGHEST = new BigDecimal("25");
	static final int SOURCE_LENGTH = 500;

	// A percentage as a person types it: "2.62", "2,62" on a French keyboard, "2,62 %".
	private static final Pattern PERCENT = Pattern.compile("-?\\d+(?:[.,]\\d+)?");

	private static final Logger log = LoggerFactory.getLogger(RateEntry.class);

	private final InterestRates rows;
	private final DunningProperties properties;
	private final Clock clock;

	RateEntry(InterestRates rows, DunningProperties properties, Clock clock) {
		this.rows = rows;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	InterestRate add(Request request, String actor) {
		InputErrors errors = new InputErrors();
		RateKind kind = kind(request.kind(), errors);
		HalfYear halfYear = halfYear(request.halfYear(), kind, errors);
		BigDecimal rate = rate(request.rate(), errors);
		String source = source(request.source(), errors);
		errors.throwIfAny();
		rows.findByKindAndStartsOn(kind, halfYear.start()).ifPresent(existing -> {
			throw duplicate(existing);
		});
		InterestRate added;
		try {
			added = rows.save(new InterestRate(null, kind, halfYear.start(), rate, source, actor, clock.instant()));
		}
		catch (DbActionExecutionException e) {
			if (e.getCause() instanceof DuplicateKeyException) {
				// Another admin's request stored it a moment ago, which this transaction's snapshot does not show.
				throw new ConflictException("The " + kind + " rate for " + halfYear + " was added meanwhile by "
						+ "another request; nothing was stored.");
			}
			throw e;
		}
		log.info("{} added the {} rate for {}: {} % ({})", actor, kind, halfYear, rate.toPlainString(), source);
		return added;
	}

	private static ConflictException duplicate(InterestRate existing) {
		return new ConflictException("The " + existing.kind() + " rate for " + existing.halfYear() + " is already "
				+ existing.rate().toPlainString() + " %, added by " + existing.createdBy() + " on "
				+ existing.createdAt() + " (" + existing.source() + "). A published rate does not change; nothing was "
				+ "stored.");
	}

	private static RateKind kind(String text, InputErrors errors) {
		for (RateKind kind : RateKind.values()) {
			if (kind.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return kind;
			}
		}
		errors.add(InputError.field("kind", "required, ECB or LEGAL"));
		return null;
	}

	private HalfYear halfYear(String text, RateKind kind, InputErrors errors) {
		HalfYear latest = HalfYear.of(LocalDate.now(clock.withZone(properties.zone()))).next();
		HalfYear earliest = kind == null ? RateKind.ECB.first() : kind.first();
		Optional<HalfYear> halfYear = HalfYear.parse(text);
		if (halfYear.isEmpty() || halfYear.get().compareTo(earliest) < 0 || halfYear.get().compareTo(latest) > 0) {
			errors.add(InputError.field("halfYear", "required, a half-year such as " + latest + " (S1: January to "
					+ "June, S2: July to December), from " + earliest + " to " + latest));
			return null;
		}
		return halfYear.get();
	}

	/** Percent per year with at most two decimals, as the official texts give it, from 0 to {@link #HIGHEST}. */
	static Optional<BigDecimal> percent(String text) {
		String typed = text == null ? "" : text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
		typed = typed.endsWith("%") ? typed.substring(0, typed.length() - 1).strip() : typed;
		if (!PERCENT.matcher(typed).matches()) {
			return Optional.empty();
		}
		BigDecimal rate = new BigDecimal(typed.replace(',', '.'));
		boolean fits = rate.scale() <= 2 && rate.signum() >= 0 && rate.compareTo(HIGHEST) <= 0;
		return fits ? Optional.of(rate.setScale(2)) : Optional.empty();
	}

	private static BigDecimal rate(String text, InputErrors errors) {
		Optional<BigDecimal> rate = percent(text);
		if (rate.isEmpty()) {
			errors.add(InputError.field("rate", "required, a percentage per year from 0 to " + HIGHEST
					+ " with at most two decimals, such as 2.62 (2,62 is read the same)"));
		}
		return rate.orElse(null);
	}

	private static String source(String text, InputErrors errors) {
		if (text == null || text.isBlank()) {
			errors.add(InputError.field("source", "required: the official text the rate comes from, such as "
					+ "\"Arrêté du 15 décembre 2025, JORF du 26 décembre 2025\""));
			return null;
		}
		String source = text.strip();
		if (source.length() > SOURCE_LENGTH) {
			errors.add(InputError.field("source", "at most " + SOURCE_LENGTH + " characters"));
		}
		TextInput.problemWith(source).ifPresent(problem -> errors.add(InputError.field("source", problem)));
		return source;
	}

}
