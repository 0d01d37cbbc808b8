package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.identity.internal.UserAdministration;
import org.rapport.integration.internal.ColumnAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team leaving Salesforce, HubSpot or Odoo imports the exports of its accounts, contacts, leads and opportunities
 * through the API without a mapping, accounts first and then what refers to them, and every value of every mapped
 * column lands as the old system had it. The sample files under {@code imports/<crm>/} are read here as well, and each
 * record is compared with its row field by field: text as written, numbers as amounts, dates as days, choices as the
 * code the expectation tables below name, accounts as the one whose external id or name the cell gives, owners as the
 * user the cell names (or the one who imports, with a notice, when no user goes by that name). Stages that mean none
 * of ours are mapped as a user maps them in the preview; a lost opportunity is refused, as it needs a reason no file
 * gives. Odoo's German contacts name companies of a German companies export, imported first.
 */
@RapportTest
class CrmExportsImportIntegrationTests {

	/** What a record of each kind holds a field in, and how a cell of the field is compared. */
	private static final Map<String, Map<String, Field>> FIELDS = Map.of(
			"accounts", fields("account", "name", "name", "type", "choice:type", "industry", "choice:industry",
					"website", "website", "phone", "phone", "email", "email", "street", "billing_street", "city",
					"billing_city", "postalCode", "billing_postal_code", "region", "billing_region", "country",
					"billing_country", "lifecycleStage", "choice:lifecycle_stage", "source", "choice:source",
					"description", "description"),
			"contacts", fields("contact", "firstName", "first_name", "lastName", "last_name", "title", "title", "email",
					"email", "phone", "phone", "account", "account:name", "accountExternalId", "account:external",
					"street", "street", "city", "city", "postalCode", "postal_code", "region", "region", "country",
					"country"),
			"leads", fields("lead", "firstName", "first_name", "lastName", "last_name", "company", "company", "title",
					"title", "email", "email", "phone", "phone", "source", "choice:source", "rating", "choice:rating",
					"leadStatus", "choice:status", "notes", "notes"),
			"opportunities", fields("opportunity", "name", "name", "account", "account:name", "accountExternalId",
					"account:external", "pipeline", "pipeline", "stage", "stage", "amount", "number:amount",
					"currency", "currency", "closeDate", "date:close_date", "probability", "number:probability"));

	/** What a new account holds where the file's choice names none of ours and is left out. */
	private static final Map<String, String> LEFT_OUT = Map.of("type", "COMPANY", "lifecycleStage", "PROSPECT");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAdministration users;

	@Autowired
	JsonMapper json;

	TeamId team;

	User importer;

	String token;

	/** Prefixed to every id of the old system, so that these records are this test's own. */
	String tag;

	/** The users the files' owner cells name, by their display names. */
	final Map<String, User> owners = new HashMap<>();

	@BeforeEach
	void team() {
		team = data.team();
		importer = data.user(team, Role.MANAGER);
		token = data.bearer(importer);
		tag = TestData.unique("t").replace("-", "") + "-";
	}

	@AfterEach
	void retireOwners() {
		owners.values().forEach(data::deactivate);
	}

	@Test
	void aSalesforceDataLoaderExportOfAccountsContactsLeadsAndOpportunitiesLandsAsSalesforceHadIt() throws Exception {
		Expectations accounts = new Expectations()
			.choices("type", "Customer - Direct", null, "Customer - Channel", null, "Prospect", null, "Partner", null,
					"Other", null)
			.choices("industry", "Transportation", "LOGISTICS", "Healthcare", "HEALTHCARE", "Technology", "TECHNOLOGY",
					"Food & Beverage", "FOOD_AND_BEVERAGE", "Engineering", null, "Retail", "RETAIL", "Insurance",
					"INSURANCE", "Agriculture", "AGRICULTURE", "Hospitality", "HOSPITALITY");
		check(imported("salesforce/Account.csv", "accounts", "salesforce", List.of("Id", "AccountId"), accounts));
		check(imported("salesforce/Contact.csv", "contacts", "salesforce", List.of("Id", "AccountId"),
				new Expectations()));
		check(imported("salesforce/Lead.csv", "leads", "salesforce", List.of("Id"), new Expectations()
			.choices("source", "Web", "WEBSITE", "Trade Show", "TRADE_SHOW", "Partner Referral", "PARTNER",
					"Phone Inquiry", null, "Purchased List", null, "Other", "OTHER")
			.choices("rating", "Hot", "HOT", "Warm", "WARM", "Cold", "COLD")
			.choices("leadStatus", "Open - Not Contacted", "NEW", "Working - Contacted", "CONTACTED",
					"Closed - Not Converted", "DISQUALIFIED")
			.noticed(7)));
		check(imported("salesforce/Opportunity.csv", "opportunities", "salesforce", List.of("Id", "AccountId"),
				new Expectations()
					.choices("stage", "Closed Won", "Closed won", "Negotiation/Review", "Negotiation",
							"Proposal/Price Quote", "Proposal", "Qualification", "Qualification", "Needs Analysis",
							"Needs analysis", "Prospecting", "Prospecting")
					.mapped("stage", "Value Proposition", "Needs analysis", "Id. Decision Makers", "Needs analysis")
					.choices("stage", "Closed Lost", "Closed lost")
					.noticed(6)));
	}

	@Test
	void aHubSpotExportOfCompaniesContactsAndDealsLandsAsHubSpotHadIt() throws Exception {
		owner("Jordan Reyes");
		owner("Sam Taylor");
		check(imported("hubspot/companies.csv", "accounts", "hubspot", List.of("Record ID"), new Expectations()
			.choices("type", "Customer", null, "Prospect", null, "Partner", null, "Vendor", null, "Other", null)
			.choices("industry", "Furniture", null, "Publishing", "MEDIA", "Renewables & Environment", null,
					"Hospital & Health Care", "HEALTHCARE", "Leisure, Travel & Tourism", null, "Machinery",
					"MANUFACTURING", "Banking", "BANKING", "Food & Beverages", "FOOD_AND_BEVERAGE",
					"Computer Software", "TECHNOLOGY", "Wine & Spirits", null)
			.choices("lifecycleStage", "Customer", "EXISTING", "Lead", "PROSPECT", "Opportunity", "PROSPECT",
					"Marketing Qualified Lead", "PROSPECT", "Other", null, "Subscriber", "PROSPECT", "Evangelist",
					"EXISTING")));
		check(imported("hubspot/contacts.csv", "contacts", "hubspot", List.of("Record ID"), new Expectations()));
		check(imported("hubspot/deals.csv", "opportunities", "hubspot", List.of("Record ID", "Associated Company IDs"),
				new Expectations()
					.choices("pipeline", "Sales Pipeline", "Sales")
					.choices("stage", "Closed won", "Closed won")
					.mapped("stage", "Appointment scheduled", "Prospecting", "Qualified to buy", "Qualification",
							"Presentation scheduled", "Needs analysis", "Decision maker bought-in", "Proposal",
							"Contract sent", "Negotiation")
					.choices("stage", "Closed lost", "Closed lost")
					.noticed(7)));
	}

	@Test
	void anOdooExportOfCompaniesPeopleAndOpportunitiesInEnglishAndGermanLandsAsOdooHadIt() throws Exception {
		owner("Mitchell Admin");
		owner("Marc Demo");
		check(imported("odoo/companies.csv", "accounts", "odoo", List.of("External ID"), new Expectations()));
		check(imported("odoo/people.csv", "contacts", "odoo", List.of("External ID", "Related Company/External ID"),
				new Expectations()));
		check(imported("odoo/unternehmen.csv", "accounts", "odoo", List.of("Externe ID"), new Expectations()));
		check(imported("odoo/kontakte.csv", "contacts", "odoo", List.of("Externe ID"), new Expectations()));
		check(imported("odoo/opportunities.csv", "opportunities", "odoo", List.of("External ID"), new Expectations()
			.choices("stage", "Qualified", "Qualification", "Proposition", "Proposal", "Won", "Closed won")
			.mapped("stage", "New", "Prospecting")));
	}

	@Test
	void aZohoExportOfAccountsContactsAndDealsLandsAsZohoHadIt() throws Exception {
		owner("Priya Sharma");
		owner("Tom Baker");
		check(imported("zoho/Accounts.csv", "accounts", "zoho", List.of("Record Id"), new Expectations()
			.choices("type", "Customer", null, "Prospect", null, "Distributor", null, "Supplier", null, "Reseller",
					null)
			.choices("industry", "Manufacturing", "MANUFACTURING", "Wholesale", null, "Real Estate", "REAL_ESTATE",
					"Hospitality", "HOSPITALITY", "Agriculture", "AGRICULTURE", "Retail", "RETAIL", "Electronics",
					null)));
		check(imported("zoho/Contacts.csv", "contacts", "zoho", List.of("Record Id", "Account Name.id"),
				new Expectations()));
		check(imported("zoho/Deals.csv", "opportunities", "zoho", List.of("Record Id", "Account Name.id"),
				new Expectations()
					.choices("pipeline", "Standard", "Sales")
					.choices("stage", "Closed Won", "Closed won", "Negotiation/Review", "Negotiation",
							"Proposal/Price Quote", "Proposal", "Qualification", "Qualification", "Needs Analysis",
							"Needs analysis")
					.mapped("stage", "Value Proposition", "Needs analysis", "Id. Decision Makers", "Needs analysis",
							"Perception Analysis", "Proposal")
					.choices("stage", "Closed Lost", "Closed lost")
					.noticed(8)));
	}

	@Test
	void aPipedriveExportOfOrganizationsPeopleAndDealsLandsAsPipedriveHadIt() throws Exception {
		owner("Alex Morgan");
		owner("Robin Lee");
		check(imported("pipedrive/organizations.csv", "accounts", "pipedrive", List.of("Organization - ID"),
				new Expectations()));
		check(imported("pipedrive/people.csv", "contacts", "pipedrive", List.of("Person - ID", "Organization - ID"),
				new Expectations()));
		check(imported("pipedrive/deals.csv", "opportunities", "pipedrive", List.of("Deal - ID", "Organization - ID"),
				new Expectations()
					.choices("pipeline", "Sales", "Sales")
					.choices("stage", "Won", "Closed won", "Proposal Made", "Proposal", "Qualified", "Qualification",
							"Negotiations Started", "Negotiation")
					.mapped("stage", "Contact Made", "Prospecting", "Demo Scheduled", "Needs analysis")
					.choices("stage", "Lost", "Closed lost")
					.noticed(10)));
	}

	/** A user of the importer's team who goes by the display name the files give an owner. */
	private void owner(String name) {
		String login = TestData.unique("owner").toLowerCase(Locale.ROOT);
		owners.put(name, users.createUser(new UserAdministration.NewUser(login, name, null, TestData.PASSWORD,
				Set.of(Role.SALES), team, Locale.ENGLISH, ZoneId.of("UTC"))));
	}

	/** A sample file as imported: its rows as the test reads them, and the job as the API answered. */
	private record Imported(String file, String entity, List<String> headers, List<CSVRecord> rows,
			Map<String, String> mapping, String job, String rejected, Expectations expected) {
	}

	/**
	 * What the choices of a file name: by field, each cell to the code (or stage or pipeline name) it names, null
	 * where it names none of ours and is left out with a notice; and the lines rejected, each with a part of its reason.
	 */
	private static final class Expectations {

		final Map<String, Map<String, String>> choices = new HashMap<>();

		final Map<String, Map<String, String>> valueMap = new LinkedHashMap<>();

		final Map<Long, String> rejected = new LinkedHashMap<>();

		final Set<Long> noticed = new HashSet<>();

		Expectations choices(String field, String... cellThenChoice) {
			Map<String, String> byCell = choices.computeIfAbsent(field, f -> new HashMap<>());
			for (int i = 0; i < cellThenChoice.length; i += 2) {
				byCell.put(cellThenChoice[i], cellThenChoice[i + 1]);
			}
			return this;
		}

		/** File values the user maps to ours in the preview (the API's value map), and what they then name. */
		Expectations mapped(String field, String... cellThenChoice) {
			choices(field, cellThenChoice);
			Map<String, String> byCell = valueMap.computeIfAbsent(field, f -> new LinkedHashMap<>());
			for (int i = 0; i < cellThenChoice.length; i += 2) {
				byCell.put(cellThenChoice[i], cellThenChoice[i + 1]);
			}
			return this;
		}

		/** A line imported with a notice of its own, such as a lost deal without its reason. */
		Expectations noticed(long line) {
			noticed.add(line);
			return this;
		}

		Expectations rejects(long line, String reason) {
			rejected.put(line, reason);
			return this;
		}
	}

	/**
	 * Imports a sample file through the API without a mapping, its ids of the old system (in the columns named)
	 * prefixed with this test's tag, and waits until it is done.
	 */
	private Imported imported(String resource, String entity, String source, List<String> idColumns,
			Expectations expected) throws Exception {
		String original = new ClassPathResource("imports/" + resource).getContentAsString(StandardCharsets.UTF_8);
		char delimiter = original.lines().findFirst().orElseThrow().contains(";") ? ';' : ',';
		boolean allQuoted = original.startsWith("\"");
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\n")
			.setQuoteMode(allQuoted ? QuoteMode.ALL : QuoteMode.MINIMAL).get();
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
		List<CSVRecord> rows = format.parse(new StringReader(tagged.toString())).getRecords();
		String started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", resource.substring(resource.indexOf('/') + 1), "text/csv",
					tagged.toString().getBytes(StandardCharsets.UTF_8)))
			.param("entity", entity)
			.param("valueMap", expected.valueMap.isEmpty() ? "" : json.writeValueAsString(expected.valueMap))
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(started, "$.detectedSource")).as(resource).isEqualTo(source);
		Map<String, String> mapping = JsonPath.read(started, "$.mapping");
		String id = JsonPath.read(started, "$.id");
		String job = FinishedImports.awaitDone(mvc, token, id);
		String rejected = mvc.perform(get("/api/v1/imports/" + id + "/rejected.csv").header("Authorization", token))
			.andReturn().getResponse().getContentAsString();
		return new Imported(resource, entity, headers, rows.subList(1, rows.size()), new LinkedHashMap<>(mapping), job,
				rejected, expected);
	}

	/** Compares the job's counts and every record with its row. */
	private void check(Imported file) {
		int dataRows = file.rows().size();
		int rejected = file.expected().rejected.size();
		assertThat(file.job()).as(file.file() + ": rejected rows\n" + file.rejected())
			.contains("\"totalRows\":" + dataRows, "\"createdRows\":" + (dataRows - rejected),
					"\"rejectedRows\":" + rejected);
		for (Map.Entry<Long, String> line : file.expected().rejected.entrySet()) {
			assertThat(file.rejected()).as(file.file()).contains(line.getValue());
		}
		String externalId = file.mapping().entrySet().stream().filter(e -> e.getValue().equals("externalId"))
			.map(Map.Entry::getKey).findFirst().orElseThrow();
		int idColumn = ColumnAddress.find(file.headers(), externalId);
		Map<String, Field> fields = FIELDS.get(file.entity());
		String table = fields.get("table").column();
		List<String> mismatches = new ArrayList<>();
		int notices = 0;
		for (CSVRecord row : file.rows()) {
			long line = row.getRecordNumber();
			List<Map<String, Object>> found = jdbc.queryForList("select * from " + table + " where external_id = ?",
					row.get(idColumn));
			if (file.expected().rejected.containsKey(line)) {
				assertThat(found).as(file.file() + " line " + line).isEmpty();
				continue;
			}
			assertThat(found).as(file.file() + " line " + line).hasSize(1);
			Map<String, Object> record = found.get(0);
			boolean notice = file.expected().noticed.contains(line);
			for (Map.Entry<String, String> mapped : file.mapping().entrySet()) {
				String cell = row.get(ColumnAddress.find(file.headers(), mapped.getKey())).strip();
				String fieldName = mapped.getValue();
				if (fieldName.equals("externalId")) {
					continue;
				}
				Object expected;
				Object actual;
				if (fieldName.equals("owner")) {
					User named = owners.get(cell);
					notice |= named == null;
					expected = (named == null ? importer : named).getId();
					actual = record.get("owner_id");
				}
				else {
					Field field = fields.get(fieldName);
					assertThat(field).as(file.file() + ": a field the test compares: " + fieldName).isNotNull();
					if (cell.isEmpty()) {
						expected = null;
						actual = field.read(jdbc, record);
					}
					else if (field.kind().equals("choice") || fieldName.equals("stage")
							|| fieldName.equals("pipeline")) {
						Map<String, String> choices = file.expected().choices.getOrDefault(fieldName, Map.of());
						assertThat(choices).as(file.file() + ": the expected " + fieldName + " of " + cell)
							.containsKey(cell);
						expected = choices.get(cell);
						if (expected == null && field.kind().equals("choice")) {
							notice = true;
							expected = LEFT_OUT.get(fieldName);
						}
						actual = field.read(jdbc, record);
					}
					else {
						expected = field.expected(cell);
						actual = field.read(jdbc, record);
					}
				}
				if (!same(expected, actual)) {
					mismatches.add("line " + line + ", " + mapped.getKey() + " (" + fieldName + "): the file has "
							+ expected + ", the record " + actual);
				}
			}
			if (notice) {
				notices++;
			}
		}
		assertThat(mismatches).as(file.file()).isEmpty();
		assertThat(file.job()).as(file.file()).contains("\"noticeRows\":" + notices);
	}

	private static boolean same(Object expected, Object actual) {
		if (expected instanceof BigDecimal number && actual != null) {
			return number.compareTo(new BigDecimal(actual.toString())) == 0;
		}
		if (expected == null || actual == null) {
			return expected == actual;
		}
		return Objects.equals(expected.toString(), actual.toString());
	}

	/**
	 * Where a record holds a field: a column of its table ({@code kind} empty, {@code number}, {@code date} or
	 * {@code choice}), the account it refers to ({@code account} by {@code name} or {@code external} id), or the name
	 * of its pipeline or stage.
	 */
	private record Field(String kind, String column) {

		static Field of(String spec) {
			int colon = spec.indexOf(':');
			return colon < 0 ? new Field(spec.equals("pipeline") || spec.equals("stage") ? spec : "", spec)
					: new Field(spec.substring(0, colon), spec.substring(colon + 1));
		}

		Object expected(String cell) {
			return switch (kind) {
				case "number" -> new BigDecimal(cell);
				case "date" -> LocalDate.parse(cell.substring(0, 10));
				default -> cell;
			};
		}

		Object read(JdbcTemplate jdbc, Map<String, Object> record) {
			return switch (kind) {
				case "date" -> record.get(column) == null ? null : ((Date) record.get(column)).toLocalDate();
				case "account" -> record.get("account_id") == null ? null
						: jdbc.queryForObject("select " + (column.equals("external") ? "external_id" : "name")
								+ " from account where id = ?", String.class, record.get("account_id"));
				case "pipeline" -> jdbc.queryForObject("select name from pipeline where id = ?", String.class,
						record.get("pipeline_id"));
				case "stage" -> jdbc.queryForObject("select name from pipeline_stage where id = ?", String.class,
						record.get("stage_id"));
				default -> record.get(column);
			};
		}
	}

	private static Map<String, Field> fields(String table, String... fieldThenSpec) {
		Map<String, Field> fields = new HashMap<>();
		fields.put("table", new Field("", table));
		for (int i = 0; i < fieldThenSpec.length; i += 2) {
			fields.put(fieldThenSpec[i], Field.of(fieldThenSpec[i + 1]));
		}
		return fields;
	}

}
