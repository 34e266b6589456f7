package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryEntry;
import io.dunning.audit.HistoryType;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import io.dunning.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The collectors' pages: the list, one customer's tasks at one step, and the form served to form-js. */
@Controller
class WorklistPages {

	private final TaskGroups groups;
	private final Tasks tasks;
	private final TaskAssignment assignment;
	private final GroupCompletion completion;
	private final CaseHistory history;
	private final Forms forms;
	private final PriorityWeights weights;
	private final TransactionTemplate transaction;
	private final ObjectMapper json;
	private final Clock clock;
	private final ZoneId zone;

	WorklistPages(TaskGroups groups, Tasks tasks, TaskAssignment assignment, GroupCompletion completion,
			CaseHistory history, Forms forms, PriorityWeights weights, TransactionTemplate transaction,
			ObjectMapper json, Clock clock, @Value("${dunning.zone}") ZoneId zone) {
		this.groups = groups;
		this.tasks = tasks;
		this.assignment = assignment;
		this.completion = completion;
		this.history = history;
		this.forms = forms;
		this.weights = weights;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
		this.zone = zone;
	}

	/** A list line as the page shows it: the group, its priority today and the top reasons. */
	record Line(TaskGroup group, Priority priority, long daysOverdue) {
	}

	@GetMapping("/tasks")
	String list(@RequestParam Map<String, String> params, Authentication user, Model model) {
		page(params, user, model);
		return "worklist/list";
	}

	/** The list's lines alone, which htmx polls every two seconds. */
	@GetMapping("/tasks/rows")
	Object rows(@RequestParam Map<String, String> params, Authentication user, Model model) {
		page(params, user, model);
		// Nothing changed since the page the browser shows: no swap, so focus and scrolling stay where they are.
		if (model.getAttribute("version").equals(params.get("known"))) {
			return ResponseEntity.noContent().build();
		}
		return "worklist/list :: rows";
	}

	private void page(Map<String, String> params, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		TaskListQuery query = query(params, actor, user);
		LocalDate today = today();
		List<TaskGroup> found = groups.page(query, actor, today);
		boolean more = found.size() > TaskGroups.PAGE;
		List<Line> lines = found.stream().limit(TaskGroups.PAGE).map(g -> line(g, today)).toList();
		model.addAttribute("query", query);
		model.addAttribute("params", params);
		model.addAttribute("lines", lines);
		model.addAttribute("next", more ? found.get(TaskGroups.PAGE - 1).cursor() : null);
		model.addAttribute("steps", List.of("Task_CourtesyCall", "Task_NegotiatePaymentPlan",
				"Task_ApproveFormalNotice", "Task_ApproveLegalHandoff"));
		model.addAttribute("manager", actor.isManager(user));
		UriComponentsBuilder rows = UriComponentsBuilder.fromPath("/tasks/rows");
		params.forEach((name, value) -> {
			if (!name.equals("known")) {
				rows.queryParam(name, value);
			}
		});
		model.addAttribute("rowsUrl", rows.encode().build().toUriString());
		String version = Integer.toHexString(lines.hashCode());
		model.addAttribute("version", version);
		model.addAttribute("knownVals", write(Map.of("known", version)));
	}

	private Line line(TaskGroup group, LocalDate today) {
		Priority priority = Priority.of(weights, group.total(), group.oldestDue(), group.brokenPromiseOn(), today);
		long days = group.oldestDue() == null ? 0 : Math.max(0, today.toEpochDay() - group.oldestDue().toEpochDay());
		return new Line(group, priority, days);
	}

	@GetMapping("/tasks/group/{elementId}")
	String group(@PathVariable String elementId, @RequestParam String customer, Authentication user, Model model) {
		return groupPage(elementId, customer, user, model, Map.of(), null);
	}

	@PostMapping("/tasks/group/{elementId}/complete")
	String complete(@PathVariable String elementId, @RequestParam String customer,
			@RequestParam(name = "taskId", required = false) List<Long> ids, @RequestParam String variables,
			Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		JsonNode answer = read(variables);
		try {
			GroupCompletion.Outcome outcome = completion.complete(
					(ids == null ? List.<Long>of() : ids).stream().map(TaskId::new).toList(), actor, answer);
			redirect.addFlashAttribute("completed", outcome.completed().size());
			redirect.addFlashAttribute("refused", outcome.refused().values());
			return "redirect:/tasks?view=mine";
		}
		catch (BadInputException e) {
			Map<String, String> errors = e.errors().stream()
				.collect(Collectors.toMap(InputError::field, InputError::message, (a, b) -> a));
			return groupPage(elementId, customer, user, model, errors, variables);
		}
	}

	@PostMapping("/tasks/{id}/claim")
	String claim(@PathVariable long id, @RequestParam String back, Authentication user) {
		assignment.claim(new TaskId(id), Actor.of(user));
		return "redirect:" + safe(back);
	}

	@PostMapping("/tasks/{id}/unclaim")
	String unclaim(@PathVariable long id, @RequestParam String back, Authentication user) {
		Actor actor = Actor.of(user);
		assignment.unclaim(new TaskId(id), actor, actor.isManager(user));
		return "redirect:" + safe(back);
	}

	@PostMapping("/tasks/{id}/assign")
	String assign(@PathVariable long id, @RequestParam String assignee, @RequestParam String back,
			Authentication user) {
		Actor actor = Actor.of(user);
		if (!actor.isManager(user)) {
			throw new AccessDeniedException("Only managers assign tasks.");
		}
		if (assignee.isBlank() || assignee.length() > 100) {
			throw BadInputException.of("assignee", "a user name is required");
		}
		assignment.assign(new TaskId(id), assignee.strip(), actor);
		return "redirect:" + safe(back);
	}

	@PostMapping("/tasks/group/{elementId}/note")
	String note(@PathVariable String elementId, @RequestParam String customer, @RequestParam String note,
			Authentication user, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		String text = note.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw BadInputException.of("note", "between 1 and 2000 characters");
		}
		List<TaskRow> rows = tasks.rows(groups.idsOf(customer, elementId, actor));
		transaction.executeWithoutResult(status -> rows.forEach(row -> history.append(row.invoiceNumber(),
				HistoryType.NOTE_ADDED, row.elementId(), actor.name(), Map.of("note", text))));
		redirect.addFlashAttribute("noted", true);
		return "redirect:/tasks/group/" + elementId + "?customer=" + java.net.URLEncoder.encode(customer,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/forms/{formId}")
	ResponseEntity<String> form(@PathVariable String formId) {
		try {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(forms.document(formId));
		}
		catch (IllegalStateException e) {
			throw new NotFoundException("No form " + formId + ".");
		}
	}

	private String groupPage(String elementId, String customer, Authentication user, Model model,
			Map<String, String> errors, String values) {
		Actor actor = Actor.of(user);
		List<TaskRow> rows = tasks.rows(groups.idsOf(customer, elementId, actor));
		if (rows.isEmpty()) {
			throw new NotFoundException("No open task of yours for this customer at this step.");
		}
		TaskRow first = rows.getFirst();
		List<Moment> timeline = rows.stream()
			.flatMap(row -> history.of(row.invoiceNumber()).stream().map(e -> moment(row.invoiceNumber(), e)))
			.sorted(Comparator.comparing(Moment::instant).reversed())
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("first", first);
		model.addAttribute("customer", customer);
		model.addAttribute("elementId", elementId);
		model.addAttribute("total", rows.stream().map(TaskRow::amount).filter(a -> a != null)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("timeline", timeline.stream().filter(e -> !"MESSAGE_SENT".equals(e.type())).toList());
		model.addAttribute("messages", timeline.stream().filter(e -> "MESSAGE_SENT".equals(e.type())).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("errorsJson", write(errors));
		model.addAttribute("values", values);
		model.addAttribute("manager", actor.isManager(user));
		model.addAttribute("me", actor.name());
		model.addAttribute("back", "/tasks/group/" + elementId + "?customer=" + java.net.URLEncoder.encode(customer,
				java.nio.charset.StandardCharsets.UTF_8));
		return "worklist/group";
	}

	/** A history entry as the page shows it, its time in the company's zone. */
	record Moment(java.time.Instant instant, String at, String type, String invoiceNumber, String elementId,
			String actor, Map<String, Object> details) {
	}

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private Moment moment(String invoiceNumber, HistoryEntry e) {
		return new Moment(e.at(), MOMENT.format(e.at().atZone(zone)), e.type(), invoiceNumber, e.elementId(),
				e.actor(), e.details());
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
		try {
			return new TaskListQuery(view, text(p.get("step")), text(p.get("customer")), decimal(p.get("minAmount")),
					decimal(p.get("maxAmount")), p.get("minDays") == null || p.get("minDays").isBlank() ? null
							: Integer.valueOf(p.get("minDays")),
					p.get("dueBefore") == null || p.get("dueBefore").isBlank() ? null : LocalDate.parse(p.get("dueBefore")),
					"on".equals(p.get("brokenPromise")), sort, text(p.get("after")));
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

	private JsonNode read(String variables) {
		try {
			return json.readTree(variables);
		}
		catch (JsonProcessingException e) {
			throw BadInputException.of("variables", "malformed JSON");
		}
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	// Only our own pages are a place to go back to.
	private static String safe(String back) {
		return back.startsWith("/") && !back.startsWith("//") ? back : "/tasks";
	}

}
