package org.rapport.web.problems;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.shared.ConflictingChange;
import org.rapport.shared.DomainException;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each kind of domain exception answers with its status: the API with problem details whose detail is the message in
 * the user's language (English and Chinese here, from the application's bundles), the pages with the error page of
 * the status.
 */
class DomainExceptionAnswersTests {

	static final UUID ID = UUID.fromString("0193a7c2-5b1e-7d3a-9f00-1234567890ab");

	static final Map<String, Supplier<DomainException>> REFUSALS = Map.of(
			"missing", () -> new RecordNotFound("account.notFound", "No account " + ID, ID),
			"forbidden", () -> new NotPermitted("quota.notPermitted", "Only managers and administrators set quotas"),
			"conflicting", () -> new ConflictingChange("import.started", "The import has started already"),
			"rule", () -> new RuleBroken("order.cannotBecome", "An order that is FULFILLED cannot become CANCELLED",
					"FULFILLED", "CANCELLED"),
			"setup", () -> RuleBroken.notSetUp("lead.webForm.noOwner",
					"Nobody is there to take web-form leads: set rapport.leads.web-form-owner"),
			"named", LeadStateRefusal::new,
			"invalid", () -> new InvalidField("amount", "validation.amount.negative", "A quota cannot be negative"),
			"inUse", () -> new RecordInUse("account.delete.kept", "Acme",
					List.of(new DefaultMessageSourceResolvable(new String[] { "account.holds.orders" },
							new Object[] { 2 })),
					"The account cannot be deleted while other records keep it: 2 orders"));

	/** A rule that API clients tell apart by name, as the sales module's lead status rule is. */
	static final class LeadStateRefusal extends RuleBroken {

		LeadStateRefusal() {
			super(Kind.STATE, "lead-state", "Lead status forbids this", "lead.state.mergeConverted",
					"A converted lead cannot be merged");
		}
	}

	@RestController
	static class Api {

		@GetMapping("/api/refusals/{name}")
		String refuse(@PathVariable String name) {
			throw REFUSALS.get(name).get();
		}
	}

	@Controller
	static class Pages {

		@GetMapping("/refusals/{name}")
		String refuse(@PathVariable String name) {
			throw REFUSALS.get(name).get();
		}
	}

	// registered pages first, so that only its order puts the API's advice before them for the REST controllers
	MockMvc mvc = MockMvcBuilders.standaloneSetup(new Api(), new Pages())
		.setControllerAdvice(new ErrorPages(), new ApiProblems(bundles()))
		.build();

	/** The message bundles as the application configures them. */
	static MessageSource bundles() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		String basenames = yaml.getObject().getProperty("spring.messages.basename");
		messages.setBasenames(StringUtils.trimArrayElements(StringUtils.commaDelimitedListToStringArray(basenames)));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static Stream<Arguments> answers() {
		return Stream.of(
				Arguments.of("missing", 404, "Not Found", null, "No account " + ID, "没有客户 " + ID),
				Arguments.of("forbidden", 403, "Forbidden", null, "Only managers and administrators set quotas",
						"只有经理和管理员可以设置配额"),
				Arguments.of("conflicting", 409, "Conflict", null, "The import has started already", "导入已经开始"),
				Arguments.of("rule", 409, "Conflict", null, "An order that is FULFILLED cannot become CANCELLED",
						"状态为 FULFILLED 的订单不能变为 CANCELLED"),
				Arguments.of("setup", 503, "Service Unavailable", null,
						"Nobody is there to take web-form leads: set rapport.leads.web-form-owner",
						"没有人可以接收网页表单线索：请设置 rapport.leads.web-form-owner"),
				Arguments.of("named", 409, "Lead status forbids this", "https://rapport.org/problems/lead-state",
						"A converted lead cannot be merged", "已转化的线索不能合并"),
				Arguments.of("inUse", 409, "Record in use", "https://rapport.org/problems/record-in-use",
						"“Acme” cannot be deleted while it has 2 orders: they are kept as financial records. Merge the "
								+ "account into another one to keep them there.",
						"“Acme”有2 个订单，无法删除：这些是需要保留的财务记录。可将该客户合并到另一个客户，使这些记录归入该客户。"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void theApiAnswersARefusalWithItsStatusAndItsMessageInTheUsersLanguage(String refusal, int status, String title,
			String type, String english, String chinese) throws Exception {
		for (Map.Entry<Locale, String> detail : Map.of(Locale.ENGLISH, english, Locale.SIMPLIFIED_CHINESE, chinese)
			.entrySet()) {
			mvc.perform(get("/api/refusals/" + refusal).locale(detail.getKey()))
				.andExpect(status().is(status))
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(status))
				.andExpect(jsonPath("$.title").value(title))
				.andExpect(type == null ? jsonPath("$.type").doesNotExist() : jsonPath("$.type").value(type))
				.andExpect(jsonPath("$.detail").value(detail.getValue()))
				.andExpect(jsonPath("$.instance").value("/api/refusals/" + refusal));
		}
	}

	@Test
	void theApiNamesAnInvalidFieldWithItsKeyAndItsMessageInTheUsersLanguage() throws Exception {
		for (var message : List.of(Map.entry(Locale.ENGLISH, "An amount cannot be negative."),
				Map.entry(Locale.SIMPLIFIED_CHINESE, "金额不能为负数。"))) {
			mvc.perform(get("/api/refusals/invalid").locale(message.getKey()))
				.andExpect(status().is(422))
				.andExpect(jsonPath("$.type").value("https://rapport.org/problems/invalid-input"))
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.detail").value(message.getValue()))
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("amount"))
				.andExpect(jsonPath("$.errors[0].code").value("validation.amount.negative"))
				.andExpect(jsonPath("$.errors[0].message").value(message.getValue()));
		}
	}

	static Stream<Arguments> pages() {
		return Stream.of(Arguments.of("missing", 404), Arguments.of("forbidden", 403),
				Arguments.of("conflicting", 409), Arguments.of("rule", 409), Arguments.of("setup", 503),
				Arguments.of("named", 409), Arguments.of("invalid", 422), Arguments.of("inUse", 409));
	}

	/** The container then shows Spring Boot's error view of the status, {@code templates/error/404.html} and so on. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void aPageAnswersARefusalWithTheErrorPageOfItsStatus(String refusal, int status) throws Exception {
		mvc.perform(get("/refusals/" + refusal).locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().is(status))
			.andExpect(status().reason(REFUSALS.get(refusal).get().getMessage()))
			.andExpect(content().string(""));
	}
}
