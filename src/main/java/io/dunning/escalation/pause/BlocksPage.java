package io.dunning.escalation.pause;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dunning.invoice.Customer;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import io.dunning.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' page of dunning blocks: the active ones with their customer's name, a form to add one (the customer
 * typed by its id or its name, as a person knows it), and a button to lift one early.
 */
@Controller
class BlocksPage {

	/** An active block as the list shows it: with the customer it holds, for a link to its page. */
	record Row(Block block, Customer customer) {
	}

	private final BlockSetting blocks;

	private final InvoiceCatalog invoices;

	private final MessageSource messages;

	BlocksPage(BlockSetting blocks, InvoiceCatalog invoices, MessageSource messages) {
		this.blocks = blocks;
		this.invoices = invoices;
		this.messages = messages;
	}

	@GetMapping("/blocks")
	String list(Model model) {
		return page(model, new BlockSetting.Request(null, null, null, null), Map.of());
	}

	@PostMapping("/blocks")
	String add(BlockSetting.Request typed, Principal user, Model model, RedirectAttributes redirect, Locale locale) {
		BlockSetting.Request request;
		try {
			request = withCustomerId(typed, locale);
		}
		catch (BadInputException e) {
			return page(model, typed, Map.of("customerId", e.errors().getFirst().message()));
		}
		try {
			Block block = blocks.set(request, user.getName());
			redirect.addFlashAttribute("added", block.id());
			return "redirect:/blocks";
		}
		catch (BadInputException e) {
			return page(model, request, e.errors().stream()
				.collect(Collectors.toMap(InputError::field, InputError::message, (a, b) -> a)));
		}
		catch (ConflictException e) {
			return page(model, request, Map.of(request.invoiceNumber() != null && !request.invoiceNumber().isBlank()
					? "invoiceNumber" : "customerId", e.getMessage()));
		}
		catch (NotFoundException e) {
			return page(model, request, Map.of(request.invoiceNumber() != null && !request.invoiceNumber().isBlank()
					? "invoiceNumber" : "customerId", messages.getMessage(e, locale)));
		}
	}

	@PostMapping("/blocks/{id}/lift")
	String lift(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		if (!blocks.lift(id, user.getName())) {
			throw new NotFoundException("No active block " + id, "not-found.block", id);
		}
		redirect.addFlashAttribute("lifted", id);
		return "redirect:/blocks";
	}

	/** The request with the customer as its id, when it was typed by name; refused when no or several match. */
	private BlockSetting.Request withCustomerId(BlockSetting.Request request, Locale locale) {
		String typed = request.customerId() == null ? "" : request.customerId().strip();
		if (typed.isEmpty()) {
			return request;
		}
		List<Customer> found = invoices.customersTyped(typed);
		if (found.size() == 1) {
			return new BlockSetting.Request(request.invoiceNumber(), found.getFirst().externalId(), request.reason(),
					request.expiresOn());
		}
		String message = found.isEmpty() ? messages.getMessage("blocks.customer.unknown", new Object[] { typed }, locale)
				: messages.getMessage("blocks.customer.several", new Object[] { typed, found.stream()
					.map(c -> c.externalId()).collect(Collectors.joining(", ")) }, locale);
		throw BadInputException.of("customerId", message);
	}

	private String page(Model model, BlockSetting.Request request, Map<String, String> errors) {
		model.addAttribute("blocks", blocks.active().stream().map(this::row).toList());
		model.addAttribute("request", request);
		model.addAttribute("errors", errors);
		return "escalation/blocks";
	}

	private Row row(Block block) {
		Optional<Customer> customer = block.customerId() != null ? invoices.customer(block.customerId())
				: invoices.find(block.invoiceNumber()).map(Invoice::customer);
		return new Row(block, customer.orElse(null));
	}

}
