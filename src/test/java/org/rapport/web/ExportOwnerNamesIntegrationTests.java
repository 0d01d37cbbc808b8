package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.customers.internal.ContactService;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.internal.User;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.shared.Money;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class ExportOwnerNamesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UserDirectory directory;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	LeadService leads;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	ContractBook contracts;

	@Test
	void everyExportNamesTheOwnerAndTheTeamBesideTheirIds() throws Exception {
		TeamId team = data.team();
		User seller = data.user(team, Role.SALES);
		Actor actor = data.actor(seller);
		String teamName = directory.teamNames(List.of(team)).get(team);
		String tag = TestData.unique("Named");
		Account account = accounts.create(actor, new AccountDetails(tag, AccountType.COMPANY, null, null, null, null,
				PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);
		contacts.create(actor, new ContactDetails("Ada", tag, null, null, null, PostalAddress.EMPTY, false),
				account.getId(), null, null);
		leads.create(actor, new LeadDetails("Grace", tag, tag, null, null, null, AccountSource.OTHER,
				LeadRating.WARM, null), LeadStatus.NEW, null, null, null);
		opportunities.create(actor, new OpportunityDraft(account.getId(), tag, null, null, Money.of("100", "EUR"),
				LocalDate.now().plusMonths(1), null, null, null, null, null, List.of()));
		contracts.create(actor, new ContractDetails(account.getId(), null, LocalDate.now(),
				LocalDate.now().plusYears(1), new BigDecimal("1200"), "EUR", false, 30, null));

		for (String list : List.of("/accounts", "/contacts", "/leads", "/opportunities", "/contracts", "/orders")) {
			Export export = export(list + "/export.csv", seller);
			assertThat(export.header()).as(list).containsSubsequence("owner_id", "owner_name", "team_id", "team_name");
			assertThat(export.rows()).as(list).hasSizeGreaterThanOrEqualTo(list.equals("/orders") ? 0 : 1);
			for (CSVRecord row : export.rows()) {
				assertThat(row.get("owner_id")).as(list).isEqualTo(seller.getId().toString());
				assertThat(row.get("owner_name")).as(list).isEqualTo(seller.getDisplayName());
				assertThat(row.get("team_id")).as(list).isEqualTo(team.value().toString());
				assertThat(row.get("team_name")).as(list).isEqualTo(teamName);
			}
		}
	}

	private record Export(List<String> header, List<CSVRecord> rows) {
	}

	private Export export(String path, User user) throws Exception {
		String csv = mvc.perform(get(path).with(data.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("\uFEFF", "");
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv))) {
			return new Export(parser.getHeaderNames(), parser.getRecords());
		}
	}
}
