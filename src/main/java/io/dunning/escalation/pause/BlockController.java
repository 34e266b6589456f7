package io.dunning.escalation.pause;

import java.security.Principal;
import java.util.List;

import io.dunning.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BlockController {

	private final BlockSetting blocks;

	BlockController(BlockSetting blocks) {
		this.blocks = blocks;
	}

	/** Fields are read as text, so that a bad date is named like any other bad field. */
	@PostMapping(path = "/api/blocks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Block set(@RequestBody BlockSetting.Request request, Principal user) {
		return blocks.set(request, user.getName());
	}

	@GetMapping("/api/blocks")
	List<Block> active() {
		return blocks.active();
	}

	/** Lifts the block before its expiry: the cases it held resume at once. */
	@DeleteMapping("/api/blocks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void lift(@PathVariable long id, Principal user) {
		if (!blocks.lift(id, user.getName())) {
			throw new NotFoundException("No active block " + id);
		}
	}

}
