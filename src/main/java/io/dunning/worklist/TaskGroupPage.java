package io.dunning.worklist;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import io.dunning.escalation.CasePauses;
import io.dunning.escalation.NoticePreviews;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import io.dunning.web.NotFoundException;
import io.dunning.web.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One customer's tasks at one step: the context a collector needs before a call, one form for every ticked invoice,
 * and notes that go into each case's history.
 */
@Controller
class TaskGroupPage {

	private final TaskGroups groups;
	private final TaskRows tasks;
	private final GroupCompletion completion;
	private final CaseHistory history;
	private final TransactionTemplate transaction;
	private final ObjectMapper json;
	private final ZoneId zone;
	private final CustomerContext context;
	private final Clock clock;
	private final FormTexts texts;
	private final CasePauses pauses;
	private final NoticePreviews notices;

	TaskGroupPage(TaskGroups groups, TaskRows tasks, GroupCompletion completion, CaseHistory history,
			TransactionTemplate transaction, ObjectMapper json, @Value("${dunning.zone}") ZoneId zone,
			CustomerContext context, Clock clock, FormTexts texts, CasePauses pauses, NoticePreviews notices) {
		this.texts = texts;
		this.pauses = pauses;
		this.notices = notices;
		this.context = context;
		this.clock = clock;
		this.groups = groups;
		this.tasks = tasks;
		this.completion = completion;
		this.history = history;
		this.transaction = transaction;
		this.json = json;
		this.zone = zone;
	}

	@GetMapping("/tasks/group/{elementId}")
	String group(@PathVariable String elementId, @RequestParam String customer,
			@RequestParam(required = false) String list, Authentication user, Model model) {
		return groupPage(elementId, customer, ListLinks.backTo(list), user, model, Map.of(), null);
	}

	@PostMapping("/tasks/group/{elementId}/complete")
	String complete(@PathVariable String elementId, @RequestParam String customer,
			@RequestParam(name = "taskId", required = false) List<Long> ids, @RequestParam String variables,
			@RequestParam(required = false) String list, Authentication user, Model model,
			RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		JsonNode answer = read(variables);
		try {
			GroupCompletion.Outcome outcome = completion.complete(
					(ids == null ? List.<Long>of() : ids).stream().map(TaskId::new).toList(), actor, answer);
			redirect.addFlashAttribute("completed", outcome.completed().size());
			redirect.addFlashAttribute("refused", outcome.refused().values());
			return "redirect:" + ListLinks.backTo(list);
		}
		catch (BadInputException e) {
			Map<String, String> errors = e.errors().stream()
				.collect(Collectors.toMap(InputError::field, InputError::message, (a, b) -> a));
			return groupPage(elementId, customer, ListLinks.backTo(list), user, model, errors, variables);
		}
	}

	@PostMapping("/tasks/group/{elementId}/note")
	String note(@PathVariable String elementId, @RequestParam String customer, @RequestParam String note,
			@RequestParam(required = false) String list, Authentication user, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		String text = note.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw BadInputException.of("note", "between 1 and 2000 characters");
		}
		TextInput.problemWithFreeText(text).ifPresent(problem -> {
			throw BadInputException.of("note", problem);
		});
		List<TaskRow> rows = tasks.rows(groups.idsOf(customer, elementId, actor));
		transaction.executeWithoutResult(status -> rows.forEach(row -> history.append(row.invoiceNumber(),
				HistoryType.NOTE_ADDED, row.elementId(), actor.name(), Map.of("note", text))));
		redirect.addFlashAttribute("noted", true);
		return "redirect:" + address(elementId, customer, ListLinks.backTo(list));
	}

	private String groupPage(String elementId, String customer, String list, Authentication user, Model model,
			Map<String, String> errors, String values) {
		Actor actor = Actor.of(user);
		List<TaskRow> rows = tasks.rows(groups.idsOf(customer, elementId, actor));
		if (rows.isEmpty()) {
			throw new NotFoundException("No open task of yours for this customer at this step.",
					"not-found.task-group");
		}
		TaskRow first = rows.getFirst();
		List<Moment> timeline = rows.stream()
			.flatMap(row -> history.of(row.invoiceNumber()).stream().map(e -> moment(row.invoiceNumber(), e)))
			.sorted(Comparator.comparing(Moment::instant).reversed())
			.toList();
		model.addAttribute("rows", rows);
		List<String> numbers = rows.stream().map(TaskRow::invoiceNumber).toList();
		model.addAttribute("pauses", pauses.forInvoices(numbers));
		// The manager approves what the letter will claim, and sees what would hold it back.
		model.addAttribute("previews", "Task_ApproveFormalNotice".equals(elementId) ? notices.of(numbers) : List.of());
		model.addAttribute("first", first);
		model.addAttribute("customer", customer);
		model.addAttribute("elementId", elementId);
		model.addAttribute("total", rows.stream().map(TaskRow::amount).filter(a -> a != null)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
		// The business events first; the path's step moves (dozens for a few invoices) fold away beneath them.
		model.addAttribute("timeline", timeline.stream().filter(e -> !"MESSAGE_SENT".equals(e.type()) && !stepMove(e))
			.toList());
		model.addAttribute("stepMoves", timeline.stream().filter(TaskGroupPage::stepMove).toList());
		model.addAttribute("messages", timeline.stream().filter(e -> "MESSAGE_SENT".equals(e.type())).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("errorsJson", PageJson.write(json, errors));
		model.addAttribute("validationJson", PageJson.write(json,
				texts.validationMessages(LocaleContextHolder.getLocale())));
		model.addAttribute("values", values);
		model.addAttribute("manager", actor.isManager(user));
		model.addAttribute("me", actor.name());
		model.addAttribute("list", list);
		model.addAttribute("back", address(elementId, customer, list));
		model.addAttribute("context", first.customerId() == null ? null
				: context.of(first.customerId(), LocalDate.ofInstant(clock.instant(), zone)));
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

	private JsonNode read(String variables) {
		try {
			return json.readTree(variables);
		}
		catch (JsonProcessingException e) {
			throw BadInputException.of("variables", "malformed JSON");
		}
	}

	private static boolean stepMove(Moment moment) {
		return "STEP_ENTERED".equals(moment.type()) || "STEP_LEFT".equals(moment.type());
	}

	private static String address(String elementId, String customer, String list) {
		return "/tasks/group/" + elementId + "?customer=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)
				+ "&list=" + URLEncoder.encode(list, StandardCharsets.UTF_8);
	}

}
