package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leads come with the status they had in the system they leave, through the API without a mapping: Salesforce's four
 * statuses and its conversions into accounts, contacts and opportunities imported before (compared field by field with
 * the file), a converted lead whose account is not there yet (qualified, with a notice, and converted when the file
 * comes again), HubSpot's and Zoho's statuses, and an update that disqualifies a lead, through the lead's own rules.
 * The sample files under {@code imports/<crm>/} have their ids of the old system prefixed with this test's tag.
 */
@RapportTest
class LeadStatusImportIntegrationTests {

	/** The Salesforce lead file's columns that name other records by their Salesforce id. */
	private static final List<String> SALESFORCE_LEAD_IDS = List.of("Id", "ConvertedAccountId", "ConvertedContactId",
			"ConvertedOpportunityId");

	private static final Map<String, String> SALESFORCE_STATUSES = Map.of("Open - Not Contacted", "NEW",
			"Working - Contacted", "CONTACTED", "Closed - Not Converted", "DISQUALIFIED", "Closed - Converted",
			"CONVERTED");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	User importer;

	String token;

	/** Prefixed to every id of the old system, so that these records are this test's own. */
	String tag;

	@BeforeEach
	void importer() {
		importer = data.user(data.team(), Role.MANAGER);
		token = data.bearer(importer);
		tag = TestData.unique("l").replace("-", "") + "-";
	}

	@Test
	void aSalesforceLeadsExportLandsWithItsStatusesAndTheRecordsItsConvertedLeadsBecame() throws Exception {
		salesforceAccountsContactsAndOpportunities();

		Imported leads = imported("salesforce/converted/Lead.csv", "leads", "salesforce", SALESFORCE_LEAD_IDS);

		// every row says that the Salesforce owner is no user here; the two disqualified ones also have no reason
		assertThat(leads.job()).contains("\"totalRows\":9", "\"createdRows\":9", "\"rejectedRows\":0",
				"\"noticeRows\":9");
		Map<String, String> notices = notices(leads, "Id");
		assertThat(leads.mapping()).containsEntry("Status", "leadStatus").containsEntry("IsConverted", "isConverted")
			.containsEntry("ConvertedDate", "convertedAt").containsEntry("ConvertedAccountId", "convertedAccount")
			.containsEntry("ConvertedContactId", "convertedContact")
			.containsEntry("ConvertedOpportunityId", "convertedOpportunity");
		List<String> mismatches = new ArrayList<>();
		for (CSVRecord row : leads.rows()) {
			Map<String, Object> lead = lead(row.get("Id"));
			String status = SALESFORCE_STATUSES.get(row.get("Status"));
			boolean converted = status.equals("CONVERTED");
			compare(mismatches, row, "status", status, lead.get("status"));
			compare(mismatches, row, "disqualified reason", null, lead.get("disqualified_reason"));
			compare(mismatches, row, "last name", row.get("LastName"), lead.get("last_name"));
			compare(mismatches, row, "company", row.get("Company"), lead.get("company"));
			compare(mismatches, row, "converted account", blankToNull(row.get("ConvertedAccountId")),
					externalId("account", lead.get("converted_account_id")));
			compare(mismatches, row, "converted contact", blankToNull(row.get("ConvertedContactId")),
					externalId("contact", lead.get("converted_contact_id")));
			compare(mismatches, row, "converted opportunity", blankToNull(row.get("ConvertedOpportunityId")),
					externalId("opportunity", lead.get("converted_opportunity_id")));
			compare(mismatches, row, "converted at",
					converted ? LocalDate.parse(row.get("ConvertedDate")).atStartOfDay().toInstant(ZoneOffset.UTC)
							: null,
					lead.get("converted_at"));
			compare(mismatches, row, "notice of no reason", status.equals("DISQUALIFIED"),
					notices.get(row.get("Id")).contains("Reason for disqualifying: the file gives none"));
			compare(mismatches, row, "notice of the status", false, notices.get(row.get("Id")).contains("Status:"));
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void aConvertedLeadImportedBeforeItsAccountIsQualifiedWithANoticeAndConvertedWhenTheFileComesAgain()
			throws Exception {
		Imported early = imported("salesforce/converted/Lead.csv", "leads", "salesforce", SALESFORCE_LEAD_IDS);

		assertThat(early.job()).contains("\"createdRows\":9", "\"rejectedRows\":0");
		Map<String, String> notices = notices(early, "Id");
		assertThat(notices.get(tag + "00Q5g00000JtW1dEAF")).contains("Status: converted in the old system into account " + tag
				+ "0015g00000RkT1aAAF, contact " + tag + "0035g00000ZpQ1aAAF, opportunity " + tag
				+ "0065g00000Cv3QaAAJ, which Rapport does not have yet; a lead not converted in Rapport is imported "
				+ "as qualified. Import the accounts and contacts (and opportunities) first, then this file again");
		List<CSVRecord> converted = early.rows().stream()
			.filter(row -> row.get("Status").equals("Closed - Converted"))
			.toList();
		assertThat(converted).hasSize(3);
		assertThat(notices.get(tag + "00Q5g00000JtW1eEAF")).contains("into account " + tag + "0015g00000RkT1bAAF, "
				+ "contact " + tag + "0035g00000ZpQ1bAAF, which Rapport does not have yet");
		for (CSVRecord row : converted) {
			assertThat(lead(row.get("Id"))).as(row.get("Id")).containsEntry("status", "QUALIFIED")
				.containsEntry("converted_account_id", null).containsEntry("converted_contact_id", null)
				.containsEntry("converted_at", null);
		}

		salesforceAccountsContactsAndOpportunities();
		Imported again = imported("salesforce/converted/Lead.csv", "leads", "salesforce", SALESFORCE_LEAD_IDS);

		assertThat(again.job()).contains("\"createdRows\":0", "\"updatedRows\":3", "\"unchangedRows\":6",
				"\"rejectedRows\":0");
		Map<String, String> noticesAgain = notices(again, "Id");
		for (CSVRecord row : converted) {
			Map<String, Object> lead = lead(row.get("Id"));
			assertThat(lead).as(row.get("Id")).containsEntry("status", "CONVERTED");
			assertThat(externalId("account", lead.get("converted_account_id")))
				.isEqualTo(row.get("ConvertedAccountId"));
			assertThat(externalId("contact", lead.get("converted_contact_id")))
				.isEqualTo(row.get("ConvertedContactId"));
			assertThat(externalId("opportunity", lead.get("converted_opportunity_id")))
				.isEqualTo(blankToNull(row.get("ConvertedOpportunityId")));
			assertThat(lead.get("converted_at"))
				.isEqualTo(LocalDate.parse(row.get("ConvertedDate")).atStartOfDay().toInstant(ZoneOffset.UTC));
			assertThat(lead.get("version")).isEqualTo(1L);
			assertThat(noticesAgain.get(row.get("Id"))).doesNotContain("Status:");
		}

		// the undo of the import that converted them puts them back as they were
		mvc.perform(post("/api/v1/imports/" + again.id() + "/undo").header("Authorization", token))
			.andExpect(status().isOk());
		for (CSVRecord row : converted) {
			assertThat(lead(row.get("Id"))).as(row.get("Id")).containsEntry("status", "QUALIFIED")
				.containsEntry("converted_account_id", null).containsEntry("converted_contact_id", null)
				.containsEntry("converted_opportunity_id", null).containsEntry("converted_at", null);
		}
	}

	@Test
	void hubSpotAndZohoLeadStatusesLandAsTheOnesOfOursTheyMean() throws Exception {
		Imported hubspot = imported("hubspot/leads.csv", "leads", "hubspot", List.of("Record ID"));

		assertThat(hubspot.job()).contains("\"createdRows\":11", "\"rejectedRows\":0", "\"noticeRows\":1");
		Map<String, String> hubspotStatuses = Map.ofEntries(Map.entry("NEW", "NEW"), Map.entry("OPEN", "NEW"),
				Map.entry("IN_PROGRESS", "CONTACTED"), Map.entry("OPEN_DEAL", "QUALIFIED"),
				Map.entry("UNQUALIFIED", "DISQUALIFIED"), Map.entry("ATTEMPTED_TO_CONTACT", "CONTACTED"),
				Map.entry("CONNECTED", "CONTACTED"), Map.entry("BAD_TIMING", "CONTACTED"),
				Map.entry("In Progress", "CONTACTED"), Map.entry("Unqualified", "DISQUALIFIED"),
				Map.entry("Open Deal", "QUALIFIED"));
		List<String> mismatches = new ArrayList<>();
		for (CSVRecord row : hubspot.rows()) {
			Map<String, Object> lead = lead(row.get("Record ID"));
			compare(mismatches, row, "status", hubspotStatuses.get(row.get("Lead Status")), lead.get("status"));
			compare(mismatches, row, "disqualified reason", blankToNull(row.get("Disqualification Reason")),
					lead.get("disqualified_reason"));
		}

		Imported zoho = imported("zoho/Leads.csv", "leads", "zoho", List.of("Record Id"));

		assertThat(zoho.job()).contains("\"createdRows\":8", "\"rejectedRows\":0", "\"noticeRows\":3");
		Map<String, String> zohoStatuses = Map.of("Not Contacted", "NEW", "Contacted", "CONTACTED",
				"Attempted to Contact", "CONTACTED", "Contact in Future", "CONTACTED", "Junk Lead", "DISQUALIFIED",
				"Lost Lead", "DISQUALIFIED", "Not Qualified", "DISQUALIFIED", "Pre-Qualified", "QUALIFIED");
		for (CSVRecord row : zoho.rows()) {
			compare(mismatches, row, "status", zohoStatuses.get(row.get("Lead Status")),
					lead(row.get("Record Id")).get("status"));
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void anUpdateDisqualifiesANewLeadWithItsReasonAndOnlyWithOne() throws Exception {
		String paints = tag + "paints";
		String ab = tag + "ab";
		String created = importCsv("External ID,Last Name,Company\n" + paints + ",Okafor,Okafor Paints\n" + ab
				+ ",Lindqvist,Lindqvist AB\n");
		assertThat(created).contains("\"createdRows\":2");
		assertThat(lead(paints)).containsEntry("status", "NEW");

		String id = JsonPath.read(importCsvStarted("External ID,Last Name,Status,Disqualified Reason\n" + paints
				+ ",Okafor,Disqualified,Chose a competitor\n" + ab + ",Lindqvist,Disqualified,\n"), "$.id");
		String job = FinishedImports.awaitDone(mvc, token, id);

		assertThat(job).contains("\"updatedRows\":1", "\"rejectedRows\":1");
		assertThat(lead(paints)).containsEntry("status", "DISQUALIFIED")
			.containsEntry("disqualified_reason", "Chose a competitor").containsEntry("version", 1L);
		assertThat(rejected(id)).contains("Status: a lead that is New in Rapport is disqualified only with the reason "
				+ "(a Disqualified Reason column)");
		assertThat(lead(ab)).containsEntry("status", "NEW").containsEntry("version", 0L);

		// qualified again, by the lead's own rule: the reason goes
		assertThat(importCsv("External ID,Last Name,Status\n" + paints + ",Okafor,Qualified\n"))
			.contains("\"updatedRows\":1");
		assertThat(lead(paints)).containsEntry("status", "QUALIFIED").containsEntry("disqualified_reason", null);
	}

	@Test
	void aLeadConvertedInRapportIsLeftAsItIsAndSaysSo() throws Exception {
		String external = tag + "rapport";
		String lead = JsonPath.read(mvc.perform(post("/api/v1/leads").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"lastName": "Quist", "company": "%s", "externalId": "%s", "status": "QUALIFIED"}"""
				.formatted(TestData.unique("Quist Co"), external)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(post("/api/v1/leads/" + lead + "/convert").header("Authorization", token))
			.andExpect(status().isOk());
		Map<String, Object> before = lead(external);

		String id = JsonPath.read(importCsvStarted("External ID,Last Name,Status\n" + external + ",Quist,Contacted\n"),
				"$.id");
		assertThat(FinishedImports.awaitDone(mvc, token, id)).contains("\"rejectedRows\":1");
		assertThat(rejected(id)).contains("the lead was converted in Rapport, and an import no longer changes it");
		assertThat(importCsv("External ID,Last Name,Notes\n" + external + ",Quist,Met again\n"))
			.contains("\"rejectedRows\":1");
		assertThat(importCsv("External ID,Last Name,Status\n" + external + ",Quist,Converted\n"))
			.contains("\"unchangedRows\":1", "\"rejectedRows\":0");
		assertThat(lead(external)).isEqualTo(before);
	}

	private void salesforceAccountsContactsAndOpportunities() throws Exception {
		assertThat(imported("salesforce/converted/Account.csv", "accounts", "salesforce", List.of("Id")).job())
			.contains("\"createdRows\":3");
		assertThat(imported("salesforce/converted/Contact.csv", "contacts", "salesforce", List.of("Id", "AccountId"))
			.job()).contains("\"createdRows\":3");
		assertThat(imported("salesforce/converted/Opportunity.csv", "opportunities", "salesforce",
				List.of("Id", "AccountId")).job()).contains("\"createdRows\":2");
	}

	/** A sample file as imported: its rows as the test reads them, and the job as the API answered. */
	private record Imported(String id, List<CSVRecord> rows, Map<String, String> mapping, String job) {
	}

	/**
	 * Imports a sample file through the API without a mapping, updating what matches, its ids of the old system (in the
	 * columns named) prefixed with this test's tag, and waits until it is done; the file must be told as the source's.
	 */
	private Imported imported(String resource, String entity, String source, List<String> idColumns)
			throws Exception {
		String original = new ClassPathResource("imports/" + resource).getContentAsString(StandardCharsets.UTF_8);
		CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
			.setQuoteMode(original.startsWith("\"") ? QuoteMode.ALL : QuoteMode.MINIMAL).get();
		List<CSVRecord> read = format.parse(new StringReader(original)).getRecords();
		List<String> headers = read.get(0).toList();
		StringWriter tagged = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(tagged, format)) {
			printer.printRecord(headers);
			for (CSVRecord row : read.subList(1, read.size())) {
				List<String> cells = new ArrayList<>(row.toList());
				for (int i = 0; i < cells.size(); i++) {
					if (idColumns.contains(headers.get(i)) && !cells.get(i).isBlank()) {
						cells.set(i, tag + cells.get(i));
					}
				}
				printer.printRecord(cells);
			}
		}
		String started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", resource.substring(resource.lastIndexOf('/') + 1), "text/csv",
					tagged.toString().getBytes(StandardCharsets.UTF_8)))
			.param("entity", entity)
			.param("duplicateMode", "UPDATE")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(started, "$.detectedSource")).as(resource).isEqualTo(source);
		String id = JsonPath.read(started, "$.id");
		String job = FinishedImports.awaitDone(mvc, token, id);
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(tagged.toString())).getRecords();
		Map<String, String> mapping = JsonPath.read(started, "$.mapping");
		return new Imported(id, rows, new HashMap<>(mapping), job);
	}

	/** Imports leads from the text through the API without a mapping, updating what matches; answers the job. */
	private String importCsv(String csv) throws Exception {
		return FinishedImports.awaitDone(mvc, token, JsonPath.read(importCsvStarted(csv), "$.id"));
	}

	private String importCsvStarted(String csv) throws Exception {
		return mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("entity", "leads")
			.param("duplicateMode", "UPDATE")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
	}

	/** The notices of the import's rows, by the cell of the column given; empty for a row without. */
	private Map<String, String> notices(Imported imported, String idColumn) throws Exception {
		String csv = mvc.perform(get("/api/v1/imports/" + imported.id() + "/notices.csv")
			.header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Map<String, String> notices = new HashMap<>();
		imported.rows().forEach(row -> notices.put(row.get(idColumn), ""));
		CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv.replace("\uFEFF", "")))
			.forEach(row -> notices.put(row.get(idColumn), row.get("notices")));
		return notices;
	}

	private String rejected(String id) throws Exception {
		return mvc.perform(get("/api/v1/imports/" + id + "/rejected.csv").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The lead with the external id, as stored; its version as a long and the time it was converted as an instant. */
	private Map<String, Object> lead(String externalId) {
		Map<String, Object> lead = new HashMap<>(jdbc.queryForMap("select status, disqualified_reason, last_name, "
				+ "company, converted_account_id, converted_contact_id, converted_opportunity_id, converted_at, version "
				+ "from lead where external_id = ?", externalId));
		lead.put("version", ((Number) lead.get("version")).longValue());
		lead.put("converted_at", instant(lead.get("converted_at")));
		return lead;
	}

	/** The external id of the record of the table, or null for none. */
	private String externalId(String table, Object id) {
		return id == null ? null
				: jdbc.queryForObject("select external_id from " + table + " where id = ?", String.class, (UUID) id);
	}

	private static Instant instant(Object stored) {
		if (stored == null || stored instanceof Instant) {
			return (Instant) stored;
		}
		return stored instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) stored).toInstant();
	}

	private static String blankToNull(String cell) {
		return cell == null || cell.isBlank() ? null : cell;
	}

	private static void compare(List<String> mismatches, CSVRecord row, String field, Object expected,
			Object actual) {
		if (!Objects.equals(expected, actual)) {
			mismatches.add("line " + row.getRecordNumber() + ", " + field + ": the file has " + expected
					+ ", the lead " + actual);
		}
	}
}
