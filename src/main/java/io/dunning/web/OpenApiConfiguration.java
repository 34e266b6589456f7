package io.dunning.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API's name and its one security scheme, so that Swagger UI's "Authorize" and "Try it out" sign in. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Dunning orchestrator API", version = "v1",
		description = "Invoices and payments in, dunning cases, history, outbox and collectors' tasks out. "
				+ "Errors are RFC 9457 problem details."), security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "A user name and password, as configured under dunning.security.users (demo users in embedded mode).")
class OpenApiConfiguration {
}
