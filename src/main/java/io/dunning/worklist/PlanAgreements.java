package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One call agrees one plan over the invoices ticked in it. Each invoice's process watches its own share (the same
 * dates, its own balance split), and the pages show the call's plans as the one plan the customer agreed to: the
 * invoices together, each instalment the sum of theirs, kept when all are kept and broken as soon as one is.
 */
final class PlanAgreements {

	private PlanAgreements() {
	}

	/** The promises in their order, each call's plans as one, where the first of them stood. */
	static List<Promise> merged(List<Promise> promises) {
		Map<Object, List<Promise>> byCall = new LinkedHashMap<>();
		for (Promise promise : promises) {
			Object key = promise.kind() == Promise.Kind.PLAN && promise.agreement() != null ? promise.agreement()
					: promise.id();
			byCall.computeIfAbsent(key, k -> new ArrayList<>()).add(promise);
		}
		return byCall.values().stream().map(call -> call.size() == 1 ? call.getFirst() : oneOf(call)).toList();
	}

	private static Promise oneOf(List<Promise> plans) {
		Promise first = plans.getFirst();
		String invoices = plans.stream().map(Promise::invoiceNumber).sorted().collect(Collectors.joining(", "));
		boolean allKept = plans.stream().allMatch(p -> p.keptOn() != null);
		LocalDate keptOn = allKept ? plans.stream().map(Promise::keptOn).max(Comparator.naturalOrder()).orElseThrow()
				: null;
		// Not all kept: the plan stands or falls with the earliest deadline of those still running.
		LocalDate deadline = plans.stream()
			.filter(p -> allKept || p.keptOn() == null)
			.map(Promise::deadline)
			.min(Comparator.naturalOrder())
			.orElseThrow();
		return new Promise(plans.stream().mapToLong(Promise::id).min().orElseThrow(), Promise.Kind.PLAN, invoices,
				first.customerId(), first.customerName(), sum(plans.stream().map(Promise::amount).toList()),
				first.currency(), first.promisedOn(), deadline, sum(plans.stream().map(Promise::paid).toList()), keptOn,
				instalments(plans), first.madeBy(), first.madeAt(), first.agreement());
	}

	private static List<Promise.Instalment> instalments(List<Promise> plans) {
		Map<Integer, Promise.Instalment> byNumber = new TreeMap<>();
		for (Promise plan : plans) {
			for (Promise.Instalment i : plan.instalments()) {
				byNumber.merge(i.number(), i, (a, b) -> new Promise.Instalment(a.number(), a.dueDate(),
						a.amount().add(b.amount()), a.cumulative().add(b.cumulative())));
			}
		}
		return List.copyOf(byNumber.values());
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
