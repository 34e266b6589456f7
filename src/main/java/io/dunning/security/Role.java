package io.dunning.security;

/** What a user may do. Groups (such as {@code collectors}) decide which tasks a user may work. */
public enum Role {

	ADMIN, MANAGER, COLLECTOR, AUDITOR, INTEGRATOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
