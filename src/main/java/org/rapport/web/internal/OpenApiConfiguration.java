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

	@Bean
	OpenAPI rapportApi() {
		return new OpenAPI()
			.info(new Info().title("Rapport API")
				.version("v1")
				.description("Accounts, contacts and the rest of Rapport. Send a personal API token (made under "
						+ "Profile > API tokens) as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem "
						+ "details; updates take If-Match with the ETag you read.")
				.license(new License().name("AGPL-3.0").url("https://www.gnu.org/licenses/agpl-3.0.html")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("rpt_ token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
