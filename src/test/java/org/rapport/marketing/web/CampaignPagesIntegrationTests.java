package org.rapport.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignBook;
import org.rapport.marketing.internal.CampaignDetails;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class CampaignPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CampaignBook campaigns;

	TeamId team;
	User marketer;
	Actor actor;

	@BeforeEach
	void setUp() {
		team = data.team();
		marketer = data.user(team, Role.SALES);
		actor = data.actor(marketer);
	}

	Campaign plan(String name, CampaignStatus status, String budget, Campaign parent) {
		return campaigns.create(actor, new CampaignDetails(name, CampaignType.WEBINAR, status,
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), "EUR", new BigDecimal(budget), null, null, null,
				parent == null ? null : parent.getId(), null, null));
	}

	@Test
	void theListShowsTheVisibleCampaignsFilteredByStatus() throws Exception {
		String tag = TestData.unique("Listed");
		plan(tag + " planned", CampaignStatus.PLANNED, "10", null);
		plan(tag + " running", CampaignStatus.ACTIVE, "10", null);
		mvc.perform(get("/campaigns").param("q", tag).with(data.as(marketer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(tag + " planned"), containsString(tag + " running"),
					containsString("id=\"new-campaign\""), containsString("Webinar"))));
		mvc.perform(get("/campaigns").param("q", tag).param("status", "ACTIVE").param("sort", "name,asc")
			.header("HX-Request", "true").header("HX-Target", "results").with(data.as(marketer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(tag + " running"), not(containsString(tag + " planned")),
					not(containsString("<html")))));
		mvc.perform(get("/campaigns").param("q", tag).with(data.as(data.user(data.team(), Role.SALES))))
			.andExpect(content().string(not(containsString(tag + " planned"))));
	}

	@Test
	void aFormWithAnEndBeforeTheStartNamesTheFieldAndKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/campaigns").with(data.as(marketer)).with(csrf())
			.param("name", "Typed name kept").param("type", "EVENT").param("status", "PLANNED")
			.param("startDate", "2026-05-01").param("endDate", "2026-04-01").param("budget", "1234.5")
			.param("currency", "EUR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "endDate"))
			.andExpect(content().string(allOf(containsString("value=\"Typed name kept\""),
					containsString("value=\"1234.5\""), containsString("A campaign ends on or after the day it starts"))));
		mvc.perform(post("/campaigns").with(data.as(marketer)).with(csrf())
			.param("name", " ").param("type", "EVENT").param("status", "PLANNED")
			.param("startDate", "2026-05-01").param("endDate", "not a date").param("budget", "-1")
			.param("currency", "EUR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "name", "endDate", "budget"));
	}

	@Test
	void aCampaignMadeThroughTheFormShowsItsParentChildrenAndRolledUpFigures() throws Exception {
		Campaign parent = plan(TestData.unique("Parent"), CampaignStatus.ACTIVE, "1000", null);
		mvc.perform(get("/campaigns/new").param("parent", parent.getId().toString()).with(data.as(marketer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(parent.getName())));
		String location = mvc.perform(post("/campaigns").with(data.as(marketer)).with(csrf())
			.param("name", "Child mailing").param("type", "EMAIL").param("status", "PLANNED")
			.param("startDate", "2026-05-01").param("endDate", "2026-05-10").param("budget", "250")
			.param("currency", "EUR").param("parentId", parent.getId().toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(data.as(marketer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"parent-link\""), containsString(parent.getName()))));
		mvc.perform(get("/campaigns/" + parent.getId()).with(data.as(marketer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Child mailing"), containsString("€1,250.00"),
					containsString("id=\"move-COMPLETED\""), not(containsString("id=\"move-PLANNED\"")))));
	}

	@Test
	void theStatusMovesFromThePageAndAStaleEditKeepsTheForm() throws Exception {
		Campaign campaign = plan(TestData.unique("Moving"), CampaignStatus.PLANNED, "10", null);
		mvc.perform(post("/campaigns/" + campaign.getId() + "/status").param("version", "0").param("status", "ACTIVE")
			.with(data.as(marketer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(campaigns.get(actor, campaign.getId()).getStatus()).isEqualTo(CampaignStatus.ACTIVE);
		mvc.perform(post("/campaigns/" + campaign.getId()).with(data.as(marketer)).with(csrf())
			.param("name", "Stale rename").param("type", "EMAIL").param("status", "ACTIVE")
			.param("startDate", "2026-05-01").param("endDate", "2026-05-10").param("budget", "10")
			.param("currency", "EUR").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Someone else changed this record"),
					containsString("value=\"Stale rename\""))));
		mvc.perform(get("/campaigns/" + campaign.getId() + "/edit").with(data.as(marketer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"ACTIVE\""), containsString("value=\"COMPLETED\""),
					not(containsString("value=\"PLANNED\"")))));
	}

	@Test
	void theListAndTheCampaignPageTakeAsManyStatementsForManyRowsAsForFew() throws Exception {
		String tag = TestData.unique("Counted");
		Campaign parent = plan(tag + " parent", CampaignStatus.ACTIVE, "10", null);
		for (int i = 0; i < 2; i++) {
			plan(tag + " child " + i, CampaignStatus.PLANNED, "10", parent);
		}
		// the user's first pages read what later pages find cached
		statements("/campaigns?q=" + tag);
		statements("/campaigns/" + parent.getId());
		long fewInList = statements("/campaigns?q=" + tag);
		long fewOnPage = statements("/campaigns/" + parent.getId());
		for (int i = 2; i < 12; i++) {
			plan(tag + " child " + i, CampaignStatus.PLANNED, "10", parent);
		}
		assertThat(statements("/campaigns?q=" + tag)).isEqualTo(fewInList);
		assertThat(statements("/campaigns/" + parent.getId())).isEqualTo(fewOnPage);
	}

	long statements(String path) throws Exception {
		return org.rapport.Statements.preparedBy(() -> mvc.perform(get(path).with(data.as(marketer)))
			.andExpect(status().isOk()));
	}

	@Test
	void theCampaignPagesSpeakChinese() throws Exception {
		User chen = data.user(team, Locale.SIMPLIFIED_CHINESE, Role.SALES);
		Campaign campaign = plan(TestData.unique("Chinese"), CampaignStatus.PLANNED, "10", null);
		mvc.perform(get("/campaigns").with(data.as(chen)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("营销活动"), containsString("新建营销活动"))));
		mvc.perform(get("/campaigns/" + campaign.getId()).with(data.as(chen)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("计划中"), containsString("含子营销活动的汇总"),
					containsString("网络研讨会"))));
		mvc.perform(post("/campaigns").with(data.as(chen)).with(csrf())
			.param("name", "倒着的").param("type", "EVENT").param("status", "PLANNED")
			.param("startDate", "2026-05-01").param("endDate", "2026-04-01").param("budget", "1")
			.param("currency", "CNY"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("营销活动的结束日期不能早于开始日期")));
	}
}
