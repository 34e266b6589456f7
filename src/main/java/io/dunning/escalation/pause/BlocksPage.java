package io.dunning.escalation.pause;

import java.security.Principal;
import java.util.Map;
import java.util.stream.Collectors;

import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import io.dunning.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The managers' page of dunning blocks: the active ones, a form to add one, and a button to lift one early. */
@Controller
class BlocksPage {

	private final BlockSetting blocks;
	private final MessageSource messages;

	BlocksPage(BlockSetting blocks, MessageSource messages) {
		this.blocks = blocks;
		this.messages = messages;
	}

	@GetMapping("/blocks")
	String list(Model model) {
		return page(model, new BlockSetting.Request(null, null, null, null), Map.of());
	}

	@PostMapping("/blocks")
	String add(BlockSetting.Request request, Principal user, Model model, RedirectAttributes redirect) {
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
					? "invoiceNumber" : "customerId", messages.getMessage(e, LocaleContextHolder.getLocale())));
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

	private String page(Model model, BlockSetting.Request request, Map<String, String> errors) {
		model.addAttribute("blocks", blocks.active());
		model.addAttribute("request", request);
		model.addAttribute("errors", errors);
		return "escalation/blocks";
	}

}
