package io.dunning;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

	@Test
	void modulesOnlyTalkThroughTheirPublicApis() {
		ApplicationModules.of(DunningApplication.class).verify();
	}

}
