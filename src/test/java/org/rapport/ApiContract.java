package org.rapport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Holds every REST API call of the tests to the OpenAPI document that the running application publishes: the
 * request against its operation's parameters and body, the answer against its documented statuses, headers and
 * schemas. A call that breaks the document fails its test, so that code and contract cannot drift apart.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContract {

	static final String API = "/api/v1/";

	private static final String OFF_CONTRACT = ApiContract.class.getName() + ".offContract";

	/**
	 * Marks a request that a test sends outside the document on purpose (a fuzzer's, or a value that the API reads
	 * more leniently than it documents, such as an enumeration in lower case): its answer is still held to the
	 * document, the request is not.
	 */
	public static RequestPostProcessor offContract() {
		return request -> {
			request.setAttribute(OFF_CONTRACT, Boolean.TRUE);
			return request;
		};
	}

	@Bean
	MockMvcBuilderCustomizer apiContractValidation(WebApplicationContext context) {
		ContractCheck check = new ContractCheck(context);
		return builder -> builder.alwaysDo(check);
	}

	/** Validates one call; the document is read from the application at the first API call. */
	static final class ContractCheck implements ResultHandler {

		private final WebApplicationContext context;
		private volatile OpenApiInteractionValidator validator;

		ContractCheck(WebApplicationContext context) {
			this.context = context;
		}

		@Override
		public void handle(MvcResult result) throws Exception {
			MockHttpServletRequest request = result.getRequest();
			if (!request.getRequestURI().startsWith(API)) {
				return;
			}
			MockHttpServletResponse response = result.getResponse();
			OpenApiInteractionValidator validator = validator();
			Request call = MockMvcRequest.of(request);
			ValidationReport report = validator.validateResponse(call.getPath(), call.getMethod(),
					MockMvcResponse.of(response));
			// A request that the API refused may break the document's rules: that is why it was refused, and the
			// answer is still held to the document. A request that the API accepted must keep them.
			if (response.getStatus() < 400 && request.getAttribute(OFF_CONTRACT) == null) {
				report = validator.validateRequest(call).merge(report);
			}
			if (report.hasErrors()) {
				throw new AssertionError("The call " + call.getMethod() + " " + request.getRequestURI() + " answered "
						+ response.getStatus() + " differs from the OpenAPI document:\n"
						+ SimpleValidationReportFormat.getInstance().apply(report) + "\nAnswer: "
						+ response.getContentAsString());
			}
		}

		private OpenApiInteractionValidator validator() throws Exception {
			OpenApiInteractionValidator current = validator;
			if (current == null) {
				synchronized (this) {
					current = validator;
					if (current == null) {
						String document = MockMvcBuilders.webAppContextSetup(context)
							.build()
							.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
							.andReturn()
							.getResponse()
							.getContentAsString();
						current = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
						validator = current;
					}
				}
			}
			return current;
		}
	}
}
