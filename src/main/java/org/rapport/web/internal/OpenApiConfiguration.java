package org.rapport.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the REST API in the OpenAPI document: what it is and how to sign in to it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** Markdown: the header example is code, so that {@code <token>} shows rather than reading as a tag. */
	static final String DESCRIPTION = "Accounts, contacts and the rest of Rapport. Send a personal API token (made "
			+ "under Profile > API tokens) as `Authorization: Bearer <token>`. Errors are RFC 9457 problem details "
			+ "(`application/problem+json`); a 422 lists each invalid field under `errors`. A replacing write (PUT) "
			+ "names the version it changes: send `If-Match` with the ETag you read, or the `version` you read in "
			+ "the body. A stale version answers 412, a write that names none answers 428, and a change that races "
			+ "another answers 409.";

	@Bean
	OpenAPI rapportApi() {
		return new OpenAPI()
			.info(new Info().title("Rapport API")
				.version("v1")
				.description(DESCRIPTION)
				.license(new License().name("AGPL-3.0").url("https://www.gnu.org/licenses/agpl-3.0.html")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("rpt_ token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
