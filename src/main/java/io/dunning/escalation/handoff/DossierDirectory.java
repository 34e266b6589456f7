package io.dunning.escalation.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes each dossier to a directory of its own: dossier.json and mise-en-demeure.pdf, each replaced atomically. */
final class DossierDirectory implements DossierTarget {

	private final Path root;
	private final ObjectMapper json;

	DossierDirectory(Path root, ObjectMapper json) {
		this.root = root;
		this.json = json;
	}

	@Override
	public String deliver(String invoiceNumber, Map<String, Object> dossier, byte[] noticePdf) {
		Path directory = root.resolve(invoiceNumber.replaceAll("[^A-Za-z0-9._-]", "_"));
		try {
			Files.createDirectories(directory);
			replace(directory.resolve("dossier.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier));
			replace(directory.resolve("mise-en-demeure.pdf"), noticePdf);
			return directory.toAbsolutePath().toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the dossier to " + directory, e);
		}
	}

	private static void replace(Path file, byte[] content) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.write(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
