package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseConditionTest {

	@Test
	void anUnreachableServerIsReportedWithItsAddressAndWhatToDo() {
		assertThat(TestDatabase.unreachable("jdbc:mysql://127.0.0.1:1/dunning_test", "root", ""))
			.hasValueSatisfying(reason -> assertThat(reason).contains("jdbc:mysql://127.0.0.1:1/")
				.contains("DUNNING_TEST_DB_URL"));
	}

}
