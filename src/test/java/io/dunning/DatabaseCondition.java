package io.dunning;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips database tests where no MySQL-compatible server answers, instead of failing them all with the same
 * connection error. The check runs once per test run.
 */
class DatabaseCondition implements ExecutionCondition {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCondition.class);

	private static Optional<String> unreachable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return reason().map(ConditionEvaluationResult::disabled)
			.orElseGet(() -> ConditionEvaluationResult.enabled("the test database answers"));
	}

	private static synchronized Optional<String> reason() {
		if (unreachable == null) {
			unreachable = TestDatabase.unreachable();
			unreachable.ifPresent(reason -> log.warn("Database tests are skipped: {}", reason));
		}
		return unreachable;
	}

}
