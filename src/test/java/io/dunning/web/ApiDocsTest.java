package io.dunning.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunning.Api;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;

class ApiDocsTest extends IntegrationTest {

	@Test
	void theOpenApiDescriptionListsThePublicApiForSignedInUsers() {
		Api.Response docs = as("integrator").get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").fieldNames()).toIterable().contains("/api/invoices", "/api/invoices/import",
				"/api/invoices/{number}", "/api/invoices/{number}/history", "/api/payments", "/api/tasks",
				"/api/tasks/{id}/claim", "/api/tasks/{id}/complete", "/api/outbox", "/api/admin/clock/advance");
	}

	@Test
	void anUnauthenticatedApiCallIsA401NotARedirect() {
		assertThat(new Api(port, "nobody", "wrong").get("/api/invoices/X").status()).isEqualTo(401);
	}

}
