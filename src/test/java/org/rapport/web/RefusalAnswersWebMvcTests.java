package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.Role;
import org.rapport.identity.UserId;
import org.rapport.identity.VisibilityScope;
import org.rapport.shared.ConflictingChange;
import org.rapport.shared.DomainException;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the shell answers what a controller refuses, through the application's own MVC configuration (its advice, its
 * message bundles, its validator and the language the browser asks for) with no database: the API with problem
 * details, the pages with the error page of the status in the user's language. The controllers here are the test's
 * own, refusing as the domain does.
 */
@WebSliceTest({ RefusalAnswersWebMvcTests.Api.class, RefusalAnswersWebMvcTests.Pages.class })
@Import({ RefusalAnswersWebMvcTests.Api.class, RefusalAnswersWebMvcTests.Pages.class })
@WithMockUser
class RefusalAnswersWebMvcTests {

	static final UUID ID = UUID.fromString("0193a7c2-5b1e-7d3a-9f00-1234567890ab");

	static final Map<String, Supplier<DomainException>> REFUSALS = Map.of(
			"missing", () -> new RecordNotFound("account.notFound", "No account " + ID, ID),
			"forbidden", () -> new NotPermitted("account.delete.notPermitted",
					"Only the owner, a manager of its team or an administrator may delete this account"),
			"conflicting", () -> new ConflictingChange("import.started", "The import has started already"),
			"rule", () -> new RuleBroken("account.delete.chooseContacts", "The account has 3 contacts", 3),
			"setup", () -> RuleBroken.notSetUp("lead.webForm.noOwner",
					"Nobody is there to take web-form leads: set rapport.leads.web-form-owner"),
			"invalid", () -> new InvalidField("owner", "validation.owner.notAllowed",
					"You may give records only to yourself or to a user of your team"),
			"inUse", () -> new RecordInUse("account.delete.kept", "Acme",
					List.of(new DefaultMessageSourceResolvable(new String[] { "account.holds.orders" },
							new Object[] { 2 })),
					"The account cannot be deleted while other records keep it: 2 orders"));

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentActor currentActor;

	@RestController
	static class Api {

		@GetMapping("/api/v1/refusals/{name}")
		String refuse(@PathVariable String name) {
			throw REFUSALS.get(name).get();
		}

		@PostMapping("/api/v1/badges")
		Badge create(@Valid @RequestBody Badge badge) {
			return badge;
		}

		@GetMapping("/api/v1/badges")
		List<Badge> list(@RequestParam int page, @RequestParam(required = false) Colour colour) {
			return List.of();
		}
	}

	record Badge(@NotBlank String name, @Size(max = 5) String code, Colour colour) {
	}

	enum Colour {
		GOLD, SILVER
	}

	@Controller
	static class Pages {

		@GetMapping("/refusals/{name}")
		String refuse(@PathVariable String name) {
			throw REFUSALS.get(name).get();
		}
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of("missing", 404, "No account " + ID, "没有客户 " + ID),
				Arguments.of("forbidden", 403,
						"Only the owner, a manager of its team or an administrator may delete this account",
						"只有负责人、其团队的经理或管理员可以删除此客户"),
				Arguments.of("conflicting", 409, "The import has started already", "导入已经开始"),
				Arguments.of("rule", 409,
						"The account has 3 contacts; say whether to delete them or keep them without an account "
								+ "(contacts=delete|detach)",
						"该客户有 3 个联系人；请说明是将其删除，还是保留为不属于任何客户的联系人（contacts=delete|detach）"),
				Arguments.of("setup", 503, "Nobody is there to take web-form leads: set rapport.leads.web-form-owner",
						"没有人可以接收网页表单线索：请设置 rapport.leads.web-form-owner"),
				Arguments.of("inUse", 409,
						"“Acme” cannot be deleted while it has 2 orders: they are kept as financial records. Merge the "
								+ "account into another one to keep them there.",
						"“Acme”有2 个订单，无法删除：这些是需要保留的财务记录。可将该客户合并到另一个客户，使这些记录归入该客户。"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void theApiAnswersEachRefusalWithItsStatusAsProblemDetailsInTheLanguageTheClientAsksFor(String refusal,
			int status, String english, String chinese) throws Exception {
		for (Map.Entry<String, String> detail : Map.of("en", english, "zh-CN", chinese).entrySet()) {
			mvc.perform(get("/api/v1/refusals/" + refusal).header(HttpHeaders.ACCEPT_LANGUAGE, detail.getKey()))
				.andExpect(status().is(status))
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(status))
				.andExpect(jsonPath("$.detail").value(detail.getValue()))
				.andExpect(jsonPath("$.instance").value("/api/v1/refusals/" + refusal));
		}
	}

	@Test
	void theApiNamesTheFieldThatTheDomainRefusedInTheLanguageTheClientAsksFor() throws Exception {
		for (Map.Entry<String, String> message : Map.of("en",
				"You may give records only to yourself or to a user of your team.", "zh-CN",
				"您只能将记录分配给自己或本团队的用户。").entrySet()) {
			mvc.perform(get("/api/v1/refusals/invalid").header(HttpHeaders.ACCEPT_LANGUAGE, message.getKey()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://rapport.org/problems/invalid-input"))
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("owner"))
				.andExpect(jsonPath("$.errors[0].code").value("validation.owner.notAllowed"))
				.andExpect(jsonPath("$.errors[0].message").value(message.getValue()));
		}
	}

	@Test
	void aBodyThatBreaksItsConstraintsNamesEachFieldWithTheMessageOfTheBundles() throws Exception {
		for (Map.Entry<String, List<String>> messages : Map.of("en", List.of("Required", "At most 5 characters"),
				"zh-CN", List.of("必填", "最多 5 个字符")).entrySet()) {
			mvc.perform(post("/api/v1/badges").with(csrf())
				.header(HttpHeaders.ACCEPT_LANGUAGE, messages.getKey())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \" \", \"code\": \"TOO-LONG\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors.length()").value(2))
				.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(messages.getValue().get(0)))
				.andExpect(jsonPath("$.errors[?(@.field == 'code')].message").value(messages.getValue().get(1)));
		}
	}

	@Test
	void aValueOfTheWrongKindNamesItsFieldAndWhatItTakesAndABodyThatIsNoJsonIsABadRequest() throws Exception {
		mvc.perform(get("/api/v1/badges").param("page", "first").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].message").value("请输入整数，例如 30（最大 2147483647）"));
		mvc.perform(post("/api/v1/badges").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Gold\", \"colour\": \"PURPLE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("colour"))
			.andExpect(jsonPath("$.errors[0].message").value("Must be one of GOLD, SILVER"));
		mvc.perform(post("/api/v1/badges").with(csrf())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("请求正文缺失或不是有效的 JSON。"));
	}

	@Test
	void aPageAnswersARefusalWithTheStatusOfTheRefusalNeverWithProblemDetails() throws Exception {
		for (String refusal : REFUSALS.keySet()) {
			int status = mvc.perform(get("/refusals/" + refusal)).andReturn().getResponse().getStatus();
			assertThat(status).as(refusal).isEqualTo(mvc.perform(get("/api/v1/refusals/" + refusal))
				.andReturn().getResponse().getStatus());
			mvc.perform(get("/refusals/" + refusal))
				.andExpect(status().reason(REFUSALS.get(refusal).get().getMessage()))
				.andExpect(content().string(""));
		}
	}

	@Test
	void theErrorPageOfAStatusSpeaksTheLanguageOfTheSignedInUserInsideTheLayout() throws Exception {
		given(currentActor.find()).willReturn(Optional.of(new Actor(new UserId(UUID.randomUUID()), "Wang Fang", null,
				Set.of(Role.SALES), VisibilityScope.TEAM, ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE)));

		String page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/refusals/missing"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"error-page\"", "未找到", "该页面或记录不存在，或您无权查看。", "Wang Fang")
			.doesNotContain("Not found");
	}

}
