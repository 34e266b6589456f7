package io.dunning.escalation.handoff;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a dossier goes: a directory, or a lawyer's or agency's webhook. Delivering the same dossier again replaces it
 * (same files, same idempotency key), so a redelivered job does no harm.
 */
interface DossierTarget {

	/** @return where the dossier now is, as the history records it */
	String deliver(String invoiceNumber, Map<String, Object> dossier, byte[] noticePdf);

	/** @param target a directory, or an http(s):// URL to POST the dossier to */
	static DossierTarget of(String target, ObjectMapper json) {
		return target.startsWith("https://") || target.startsWith("http://")
				? new DossierWebhook(URI.create(target), json) : new DossierDirectory(Path.of(target), json);
	}

}
