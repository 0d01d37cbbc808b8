package org.rapport.sales.opportunities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pipeline and its stages change as one record with one version: every replacing write names the version it
 * read, every change moves it on, and a change made meanwhile is never overwritten — over the API and on the
 * administrators' page alike.
 */
@RapportTest
class PipelineApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	PipelineService pipelines;

	@Autowired
	PlatformTransactionManager transactions;

	User admin;
	String token;
	String path;
	String name;

	@BeforeEach
	void pipeline() throws Exception {
		admin = data.user(null, Role.ADMIN);
		token = data.bearer(admin);
		name = TestData.unique("Versioned");
		MvcResult created = mvc.perform(post("/api/v1/pipelines").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn();
		path = "/api/v1/pipelines/" + JsonPath.read(created.getResponse().getContentAsString(), "$.id");
	}

	@Test
	void aRenameNamesTheVersionItReadInIfMatchOrTheBody() throws Exception {
		String renamed = "{\"name\": \"" + name + " renamed\"}";
		mvc.perform(put(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(renamed))
			.andExpect(status().is(428));
		mvc.perform(put(path).header("Authorization", token).header("If-Match", "\"4\"")
			.contentType(MediaType.APPLICATION_JSON).content(renamed))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + " renamed\", \"version\": 4}"))
			.andExpect(status().isConflict());
		mvc.perform(get(path).header("Authorization", token))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.name").value(name));

		String etag = mvc.perform(put(path).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(renamed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name + " renamed"))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(etag).isNotEqualTo("\"0\"");
		mvc.perform(put(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"version\": " + etag.replace("\"", "") + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name));
	}

	@Test
	void aChangeOfAStageMovesThePipelinesVersionOnSoThatAnotherChangeReadBeforeItIsRefused() throws Exception {
		MvcResult read = mvc.perform(get(path).header("Authorization", token)).andReturn();
		String etag = read.getResponse().getHeader("ETag");
		String open = JsonPath.read(read.getResponse().getContentAsString(), "$.stages[0].id");
		String stage = path + "/stages/" + open;
		String qualify = "{\"name\": \"Qualify\", \"probability\": 20, \"kind\": \"OPEN\"}";

		mvc.perform(put(stage).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(qualify))
			.andExpect(status().is(428));
		String afterStage = mvc.perform(put(stage).header("Authorization", token).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(qualify))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stages[0].name").value("Qualify"))
			.andExpect(jsonPath("$.stages[0].probability").value(20))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(afterStage).isNotEqualTo(etag);

		// a rename and a second stage change read before the first stage change
		mvc.perform(put(path).header("Authorization", token).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + " late\"}"))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put(stage).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Stale\", \"probability\": 5, \"kind\": \"OPEN\", \"version\": "
					+ etag.replace("\"", "") + "}"))
			.andExpect(status().isConflict());
		mvc.perform(get(path).header("Authorization", token))
			.andExpect(header().string("ETag", afterStage))
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.stages[0].name").value("Qualify"));

		// adding a stage moves the version on too
		String afterAdd = mvc.perform(post(path + "/stages").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Quote\", \"probability\": 50, \"kind\": \"OPEN\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("ETag");
		assertThat(afterAdd).isNotNull().isNotEqualTo(afterStage);
		mvc.perform(delete(path + "/stages/" + open).header("Authorization", token).header("If-Match", afterStage))
			.andExpect(status().isPreconditionFailed());
	}

	@Test
	void reorderingTheStagesNamesThePipelinesETag() throws Exception {
		MvcResult read = mvc.perform(get(path).header("Authorization", token)).andReturn();
		String etag = read.getResponse().getHeader("ETag");
		List<String> ids = JsonPath.read(read.getResponse().getContentAsString(), "$.stages[*].id");
		String reversed = "[\"" + ids.get(2) + "\", \"" + ids.get(1) + "\", \"" + ids.get(0) + "\"]";

		mvc.perform(put(path + "/stages").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(reversed))
			.andExpect(status().is(428));
		mvc.perform(put(path + "/stages").header("Authorization", token).header("If-Match", "\"9\"")
			.contentType(MediaType.APPLICATION_JSON).content(reversed))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put(path + "/stages").header("Authorization", token).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(reversed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stages[0].id").value(ids.get(2)))
			.andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));
	}

	@Test
	void aStageChangeThatLosesTheRaceToAnotherIsRefusedAndTheOtherStays() {
		Pipeline pipeline = pipelines.get(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
		long read = pipeline.getVersion();
		Stage open = pipeline.getStages().get(0);
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			pipelines.describeStage(pipeline.getId(), read, open.getId(), "Mine", 30, StageKind.OPEN);
			// another administrator changes the same pipeline and commits first
			CompletableFuture.runAsync(() -> pipelines.describeStage(pipeline.getId(), read, open.getId(), "Theirs",
					40, StageKind.OPEN)).join();
		})).isInstanceOf(OptimisticLockingFailureException.class);

		Pipeline after = pipelines.get(pipeline.getId());
		assertThat(after.getStages().get(0).getName()).isEqualTo("Theirs");
		assertThat(after.getStages().get(0).getProbability()).isEqualTo(40);
		assertThat(after.getVersion()).isGreaterThan(read);
	}

	@Test
	void theAdministratorsPageSendsTheVersionItShowedAndRefusesAStaleForm() throws Exception {
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		Pipeline shown = pipelines.get(id);
		String page = mvc.perform(get("/admin/pipelines").with(data.as(admin)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String card = page.substring(page.indexOf("data-pipeline=\"" + id + "\""));
		assertThat(card.substring(0, card.indexOf("card-footer")))
			.contains("name=\"version\" value=\"" + shown.getVersion() + "\"");

		Stage open = shown.getStages().get(0);
		mvc.perform(post("/admin/pipelines/" + id + "/stages/" + open.getId()).with(csrf()).with(data.as(admin))
			.param("name", "Discovery").param("probability", "15").param("kind", "OPEN")
			.param("version", String.valueOf(shown.getVersion())))
			.andExpect(flash().attribute("success", "flash.stage.saved"));
		mvc.perform(post("/admin/pipelines/" + id).with(csrf()).with(data.as(admin))
			.param("name", name + " stale").param("version", String.valueOf(shown.getVersion())))
			.andExpect(flash().attribute("failure", "form.stale"));
		mvc.perform(post("/admin/pipelines/" + id + "/stages/" + open.getId() + "/move").with(csrf())
			.with(data.as(admin)).param("by", "1").param("version", String.valueOf(shown.getVersion())))
			.andExpect(flash().attribute("failure", "form.stale"));

		Pipeline after = pipelines.get(id);
		assertThat(after.getName()).isEqualTo(name);
		assertThat(after.getStages().get(0).getName()).isEqualTo("Discovery");
		mvc.perform(post("/admin/pipelines/" + id).with(csrf()).with(data.as(admin))
			.param("name", name + " renamed").param("version", String.valueOf(after.getVersion())))
			.andExpect(flash().attribute("success", "flash.pipeline.saved"));
		mvc.perform(get("/admin/pipelines").with(data.as(admin)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(name + " renamed")));
	}
}
