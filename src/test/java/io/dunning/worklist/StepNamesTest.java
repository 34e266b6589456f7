package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * Every step a case's timeline can show (a task or a wait of the diagram) has a name in English and in French, so
 * that collectors never read an element id.
 */
class StepNamesTest {

	private static final Set<String> NAMED = Set.of("userTask", "serviceTask", "intermediateCatchEvent", "receiveTask");

	@Test
	void everyTaskAndWaitOfTheDiagramHasItsEnglishAndFrenchName() throws IOException {
		List<String> steps = Bpmn.readModelFromFile(Path.of("bpmn/dunning-escalation.bpmn").toFile())
			.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(node -> NAMED.contains(node.getElementType().getTypeName()))
			.map(FlowNode::getId)
			.toList();
		Properties english = bundle("i18n/messages.properties");
		Properties french = bundle("i18n/messages_fr.properties");

		assertThat(steps).hasSizeGreaterThan(20);
		assertThat(steps).allSatisfy(step -> {
			assertThat(english).as("English").containsKey("step." + step);
			assertThat(french).as("French").containsKey("step." + step);
		});
	}

	private static Properties bundle(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = StepNamesTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
