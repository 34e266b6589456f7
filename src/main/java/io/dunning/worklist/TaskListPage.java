package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.web.Amounts;
import io.dunning.web.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The collectors' list: one line per customer and step, filtered, sorted and paged by key, polled by htmx. */
@Controller
class TaskListPage {

	private final TaskGroups groups;
	private final PriorityWeights weights;
	private final ObjectMapper json;
	private final Clock clock;
	private final ZoneId zone;
	private final MessageSource messages;
	private final Amounts amounts;

	TaskListPage(TaskGroups groups, PriorityWeights weights, ObjectMapper json, Clock clock,
			@Value("${dunning.zone}") ZoneId zone, MessageSource messages, Amounts amounts) {
		this.amounts = amounts;
		this.groups = groups;
		this.messages = messages;
		this.weights = weights;
		this.json = json;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * A list line as the page shows it, its texts and links made here: a page of 50 lines evaluates a few simple
	 * expressions per line, not dozens (rendering was most of a page's time at 100 000 open tasks).
	 */
	record Line(TaskGroup group, Priority priority, long daysOverdue, String name, String groupUrl,
			String customerUrl, String customerLabel, String step, String total, String assignee, String reasons) {

		public boolean isHigh() {
			return priority.score() >= 100;
		}

	}

	@GetMapping("/tasks")
	String list(@RequestParam Map<String, String> params, Authentication user, Model model,
			HttpServletRequest request) {
		page(params, user, model, request);
		return "worklist/list";
	}

	/** The list's lines alone, which htmx polls every two seconds. */
	@GetMapping("/tasks/rows")
	Object rows(@RequestParam Map<String, String> params, Authentication user, Model model,
			HttpServletRequest request) {
		page(params, user, model, request);
		// Nothing changed since the page the browser shows: no swap, so focus and scrolling stay where they are.
		if (model.getAttribute("version").equals(params.get("known"))) {
			return ResponseEntity.noContent().build();
		}
		return "worklist/list :: rows";
	}

	private void page(Map<String, String> params, Authentication user, Model model, HttpServletRequest request) {
		Actor actor = Actor.of(user);
		TaskListQuery query = query(params, actor, user);
		LocalDate today = today();
		List<TaskGroup> found = groups.page(query, actor, today);
		boolean more = found.size() > TaskGroups.PAGE;
		Locale locale = LocaleContextHolder.getLocale();
		String list = ListLinks.first(params);
		List<Line> lines = found.stream()
			.limit(TaskGroups.PAGE)
			.map(g -> line(g, today, locale, request.getContextPath(), list))
			.toList();
		model.addAttribute("slaPassedText", messages.getMessage("tasks.sla-passed", null, locale));
		model.addAttribute("customerPageText", messages.getMessage("tasks.customer-page.short", null, locale));
		model.addAttribute("query", query);
		model.addAttribute("params", params);
		model.addAttribute("lines", lines);
		model.addAttribute("steps", List.of("Task_CourtesyCall", "Task_NegotiatePaymentPlan",
				"Task_CompletePostalAddress", "Task_ApproveFormalNotice", "Task_ApproveLegalHandoff",
				"Task_ResolveDispute"));
		model.addAttribute("manager", actor.isManager(user));
		model.addAttribute("rowsUrl", ListLinks.rows(params));
		model.addAttribute("firstUrl", ListLinks.first(params));
		model.addAttribute("nextUrl", more ? ListLinks.next(params, found.get(TaskGroups.PAGE - 1).cursor()) : null);
		String version = Integer.toHexString(lines.hashCode());
		model.addAttribute("version", version);
		model.addAttribute("knownVals", PageJson.write(json, Map.of("known", version)));
	}

	/** {@code list} is the list the line is on, for the task page to lead back to it. */
	private Line line(TaskGroup group, LocalDate today, Locale locale, String contextPath, String list) {
		Priority priority = Priority.of(weights, group.total(), group.oldestDue(), group.brokenPromiseOn(),
				group.history(), group.slaPassedAt() == null ? null : LocalDate.ofInstant(group.slaPassedAt(), zone),
				today);
		long days = group.oldestDue() == null ? 0 : Math.max(0, today.toEpochDay() - group.oldestDue().toEpochDay());
		String name = group.customerName() != null ? group.customerName() : group.key();
		// Template-encoded: every reserved character of an id ('+', '&', '/') is escaped, as Thymeleaf's links do.
		String groupUrl = contextPath + UriComponentsBuilder.fromPath("/tasks/group/{step}")
			.queryParam("customer", "{customer}")
			.queryParam("list", "{list}")
			.encode()
			.buildAndExpand(group.elementId(), group.key(), list)
			.toUriString();
		boolean known = !group.key().startsWith("#");
		String customerUrl = known ? contextPath + UriComponentsBuilder.fromPath("/customers/{id}")
			.encode()
			.buildAndExpand(group.key())
			.toUriString() : null;
		String total = group.total() == null ? null : amounts.format(group.total(), group.currency());
		String assignee = group.assignee() != null ? group.assignee()
				: messages.getMessage("tasks.unassigned", null, locale);
		String reasons = priority.top(3)
			.stream()
			.map(r -> messages.getMessage(r.key(), new Object[] { r.points(), r.about() }, locale))
			.collect(Collectors.joining(" · "));
		return new Line(group, priority, days, name, groupUrl, customerUrl,
				known ? messages.getMessage("tasks.customer-page", new Object[] { name }, locale) : null,
				messages.getMessage("step." + group.elementId(), null, group.elementId(), locale), total, assignee,
				reasons);
	}

	private TaskListQuery query(Map<String, String> p, Actor actor, Authentication user) {
		TaskListQuery.View view = switch (p.getOrDefault("view", "mine")) {
			case "team" -> TaskListQuery.View.TEAM;
			case "all" -> TaskListQuery.View.ALL;
			default -> TaskListQuery.View.MINE;
		};
		if (view == TaskListQuery.View.ALL && !actor.isManager(user)) {
			throw new AccessDeniedException("Only managers see every team's tasks.");
		}
		TaskListQuery.Sort sort = switch (p.getOrDefault("sort", "priority")) {
			case "due" -> TaskListQuery.Sort.DUE;
			case "amount" -> TaskListQuery.Sort.AMOUNT;
			default -> TaskListQuery.Sort.PRIORITY;
		};
		String after = text(p.get("after"));
		if (after != null) {
			try {
				ListCursor.parse(after, GroupOrder.of(sort));
			}
			catch (IllegalArgumentException e) {
				throw BadInputException.of("after", e.getMessage());
			}
		}
		try {
			return new TaskListQuery(view, text(p.get("step")), text(p.get("customer")), decimal(p.get("minAmount")),
					decimal(p.get("maxAmount")), p.get("minDays") == null || p.get("minDays").isBlank() ? null
							: Integer.valueOf(p.get("minDays")),
					p.get("dueBefore") == null || p.get("dueBefore").isBlank() ? null : LocalDate.parse(p.get("dueBefore")),
					"on".equals(p.get("brokenPromise")), sort, after, "on".equals(p.get("slaPassed")));
		}
		catch (RuntimeException e) {
			throw BadInputException.of("filter", "a filter value is not readable: " + e.getMessage());
		}
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static BigDecimal decimal(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		BigDecimal number = new BigDecimal(value.strip());
		if (number.precision() - number.scale() > 15) {
			throw new IllegalArgumentException("amount out of range");
		}
		return number;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

}
