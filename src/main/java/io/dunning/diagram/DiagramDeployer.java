package io.dunning.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deploys the escalation diagrams and decision tables of {@code bpmn/} at start. The engine keeps an unchanged
 * resource at its version; a changed one becomes a new version, and only those are recorded here.
 */
@Component
class DiagramDeployer {

	private static final Logger log = LoggerFactory.getLogger(DiagramDeployer.class);
	private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);

	private final CamundaClient client;
	private final JdbcClient jdbc;
	private final Clock clock;

	DiagramDeployer(CamundaClient client, JdbcClient jdbc, Clock clock) {
		this.client = client;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Diagram(String name, byte[] content, String checksum) {
	}

	@EventListener(ApplicationStartedEvent.class)
	void deployAtStart() {
		List<Diagram> diagrams = load();
		if (diagrams.isEmpty()) {
			log.warn("No diagram found under bpmn/: nothing deployed");
			return;
		}
		DeployResourceCommandStep2 command = null;
		for (Diagram diagram : diagrams) {
			command = command == null
					? client.newDeployResourceCommand().addResourceBytes(diagram.content(), diagram.name())
					: command.addResourceBytes(diagram.content(), diagram.name());
		}
		// The client's usual 10 s is for single steps; a start on a busy machine parses and checks every diagram first.
		DeploymentEvent deployment = command.requestTimeout(DEPLOY_TIMEOUT).send().join();
		for (Diagram diagram : diagrams) {
			Optional<Process> process = deployment.getProcesses().stream()
				.filter(p -> p.getResourceName().equals(diagram.name()))
				.findFirst();
			record(diagram, process);
		}
	}

	private void record(Diagram diagram, Optional<Process> process) {
		Optional<String> last = jdbc.sql("""
				SELECT checksum FROM diagram_deployment WHERE resource_name = ? ORDER BY id DESC LIMIT 1
				""").param(diagram.name()).query(String.class).optional();
		String version = process.map(p -> p.getBpmnProcessId() + " v" + p.getVersion()).orElse("decisions");
		if (last.isPresent() && last.get().equals(diagram.checksum())) {
			log.info("Diagram {} unchanged ({})", diagram.name(), version);
			return;
		}
		jdbc.sql("""
				INSERT INTO diagram_deployment (resource_name, checksum, process_id, version, deployed_at)
				VALUES (?, ?, ?, ?, ?)
				""")
			.params(diagram.name(), diagram.checksum(), process.map(Process::getBpmnProcessId).orElse(null),
					process.map(Process::getVersion).orElse(null), Timestamp.from(clock.instant()))
			.update();
		log.info("Diagram {} deployed as {} (changed since the last start)", diagram.name(), version);
	}

	private static List<Diagram> load() {
		try {
			Resource[] bpmn = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
			Resource[] dmn = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.dmn");
			return Stream.concat(Arrays.stream(bpmn), Arrays.stream(dmn))
				.map(DiagramDeployer::read)
				.sorted(Comparator.comparing(Diagram::name))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list bpmn/", e);
		}
	}

	private static Diagram read(Resource resource) {
		try {
			byte[] content = resource.getContentAsByteArray();
			return new Diagram(resource.getFilename(), content, sha256(content));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + resource.getFilename(), e);
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
