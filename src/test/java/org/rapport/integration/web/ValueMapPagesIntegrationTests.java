package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The preview lists the whole file's values that are not ours, per choice column, and takes what they stand for:
 * for the whole import, and saved with a named mapping that the next file takes with its columns.
 */
@RapportTest
class ValueMapPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theValuesOfTheWholeFileThatAreNotOursAreMappedOnThePreviewAndSavedWithTheMapping() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("Shop");
		StringBuilder csv = new StringBuilder("Account Name,Industry,Type\n");
		for (int i = 0; i < 12; i++) {
			csv.append(tag).append(" ").append(i).append(",Food & Beverage,Company\n");
		}
		// beyond the preview's first rows: the list is made from the whole file
		csv.append(tag).append(" Wear,Apparel,Customer - Direct\n");
		csv.append(tag).append(" Tailor,APPAREL,Individual\n");
		csv.append(tag).append(" Resale,Apparel,Reseller\n");
		UUID id = upload(seller, csv.toString());
		mvc.perform(post("/imports/" + id + "/mapping").with(data.as(seller)).with(csrf())
			.param("field", "name", "industry", "type")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "NAME")).andExpect(redirectedUrl("/imports/" + id + "/preview"));

		mvc.perform(get("/imports/" + id + "/preview").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"value-map\"")))
			.andExpect(content().string(containsString("id=\"values-industry\"")))
			.andExpect(content().string(containsString("<label for=\"target-0-0\">Apparel</label>")))
			.andExpect(content().string(containsString("<td class=\"text-end d-none d-sm-table-cell\">3</td>")))
			.andExpect(content().string(containsString("<label for=\"target-1-0\">Customer - Direct</label>")))
			.andExpect(content().string(containsString("<label for=\"target-1-1\">Reseller</label>")))
			.andExpect(content().string(not(containsString(">Food &amp; Beverage</label>"))))
			.andExpect(content().string(not(containsString(">Individual</label>"))))
			.andExpect(content().string(containsString("<option value=\"choice:RETAIL\">Retail</option>")));

		mvc.perform(post("/imports/" + id + "/values").with(data.as(seller)).with(csrf())
			.param("column", "industry", "type", "type")
			.param("value", "Apparel", "Customer - Direct", "Reseller")
			.param("target", "choice:RETAIL", "choice:COMPANY", "")
			.param("saveAs", "Salesforce accounts"))
			.andExpect(redirectedUrl("/imports/" + id + "/preview"))
			.andExpect(flash().attribute("notice", "import.values.savedWithMapping"));

		mvc.perform(get("/imports/" + id + "/preview").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"choice:RETAIL\" selected=\"selected\">Retail</option>")))
			.andExpect(content().string(containsString("<option value=\"choice:COMPANY\" selected=\"selected\">Company</option>")));
		UUID saved = jdbc.queryForObject("select id from import_mapping where owner_id = ? and name = ?", UUID.class,
				seller.getId(), "Salesforce accounts");
		assertThat(jdbc.queryForObject("select value_map from import_mapping where id = ?", String.class, saved))
			.contains("\"Apparel\":\"RETAIL\"", "\"Customer - Direct\":\"COMPANY\"").doesNotContain("Reseller");
		assertThat(jdbc.queryForObject("select mapping from import_mapping where id = ?", String.class, saved))
			.contains("\"Industry\":\"industry\"");

		mvc.perform(post("/imports/" + id + "/start").with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		awaitDone(id);
		assertThat(jdbc.queryForList("select industry from account where name like ? order by name", String.class,
				tag + " %")).containsOnly("FOOD_AND_BEVERAGE", "RETAIL");
		assertThat(jdbc.queryForObject("select type from account where name = ?", String.class, tag + " Tailor"))
			.isEqualTo("PERSON");
		mvc.perform(get("/imports/" + id).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd class=\"col-6 col-md-3\" id=\"count-noticed\">1</dd>")))
			.andExpect(content().string(containsString("id=\"notices-download\"")))
			.andExpect(content().string(containsString("Type: &#39;Reseller&#39; is not one of ours; left out")));
		assertThat(mvc.perform(get("/imports/" + id + "/notices.csv").with(data.as(seller)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("16," + tag + " Resale,Apparel,Reseller,Type: 'Reseller' is not one of ours; left out");

		UUID next = upload(seller, "Account Name,Industry,Type\n" + tag + " Again,Apparel,Customer - Direct\n");
		mvc.perform(get("/imports/" + next + "/mapping").param("saved", saved.toString()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"savedMapping\" value=\"" + saved + "\"")));
		mvc.perform(post("/imports/" + next + "/mapping").with(data.as(seller)).with(csrf())
			.param("field", "name", "industry", "type")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "NAME")
			.param("savedMapping", saved.toString())).andExpect(redirectedUrl("/imports/" + next + "/preview"));
		mvc.perform(get("/imports/" + next + "/preview").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"choice:RETAIL\" selected=\"selected\">Retail</option>")))
			.andExpect(content().string(not(containsString("is not one of ours"))));
	}

	@Test
	void theValuesListOnlyColumnsOfChoicesAndThePreviewShowsNoFormWhenEveryValueIsOurs() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		UUID id = upload(seller, "Account Name,Industry\n" + TestData.unique("Ours") + ",Retail\n");
		mvc.perform(post("/imports/" + id + "/mapping").with(data.as(seller)).with(csrf())
			.param("field", "name", "industry")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "NAME")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/imports/" + id + "/preview").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"value-map\""))));
	}

	@Test
	void thePreviewShowsEachChoiceByItsLabelInTheUsersLanguage() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		UUID id = upload(seller, "Account Name,Type\n" + TestData.unique("Labelled") + ",Company\n");
		mvc.perform(post("/imports/" + id + "/mapping").with(data.as(seller)).with(csrf())
			.param("field", "name", "type")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "NAME")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/imports/" + id + "/preview").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Company</span>")))
			.andExpect(content().string(not(containsString(">COMPANY</span>"))));
		MockHttpSession chinese = new MockHttpSession();
		chinese.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE);
		mvc.perform(get("/imports/" + id + "/preview").session(chinese).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">公司</span>")));
	}

	private UUID upload(User seller, String csv) throws Exception {
		String mapping = mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("entity", "accounts")
			.with(data.as(seller))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		return UUID.fromString(mapping.split("/")[2]);
	}

	private void awaitDone(UUID id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!"DONE".equals(jdbc.queryForObject("select status from import_job where id = ?", String.class, id))
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(jdbc.queryForObject("select status from import_job where id = ?", String.class, id))
			.isEqualTo("DONE");
	}
}
