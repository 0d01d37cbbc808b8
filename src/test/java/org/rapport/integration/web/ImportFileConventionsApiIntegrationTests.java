package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Files arrive through the API in the conventions they were written in — a German Excel file in Windows-1252 with
 * semicolons, decimal commas and dates day first, a US one with dates month first — and every value lands as it was
 * written, or its row is refused naming the cell; never a changed value.
 */
@RapportTest
class ImportFileConventionsApiIntegrationTests {

	static final String GERMAN_OPPORTUNITIES = """
			{"Verkaufschance": "name", "Firma": "account", "Betrag": "amount", "Währung": "currency",
			 "Abschlussdatum": "closeDate", "Wahrscheinlichkeit": "probability"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aGermanWindows1252SemicolonFileImportsItsUmlautsAmountsAndDatesAsWritten() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("de");

		String accounts = importAndWait(token, upload("accounts-de-windows-1252.csv", tag).param("entity", "accounts")
			.param("mapping", """
					{"Firmenname": "name", "Straße": "street", "PLZ": "postalCode", "Ort": "city", "Telefon": "phone"}"""),
				Map.of("encoding", "windows-1252", "delimiter", "SEMICOLON"));
		assertThat(accounts).contains("\"createdRows\":2", "\"rejectedRows\":0");
		assertThat(jdbc.queryForMap("select billing_street, billing_postal_code, billing_city, phone from account "
				+ "where name = ?", "Müller Straßenbau GmbH " + tag)).containsExactlyInAnyOrderEntriesOf(Map.of(
						"billing_street", "Hauptstraße 5", "billing_postal_code", "80331", "billing_city", "München",
						"phone", "+49 89 123456"));
		assertThat(jdbc.queryForMap("select billing_street, billing_city from account where name = ?",
				"Bäckerei Größer " + tag)).containsEntry("billing_street", "Kölner Weg 12")
			.containsEntry("billing_city", "Köln");

		String deals = importAndWait(token, upload("opportunities-de-windows-1252.csv", tag)
			.param("entity", "opportunities")
			.param("mapping", GERMAN_OPPORTUNITIES),
				Map.of("encoding", "windows-1252", "decimalMark", "COMMA", "dateFormats.Abschlussdatum", "DMY"));
		assertThat(deals).contains("\"createdRows\":3", "\"rejectedRows\":0");
		assertThat(opportunity("Großauftrag Süd " + tag)).containsExactly("500000", "EUR",
				LocalDate.of(2005, 11, 9), 60, "Müller Straßenbau GmbH " + tag);
		// 1.200 in a file with decimal commas is twelve hundred, never 1.2
		assertThat(opportunity("Wartung Nord " + tag)).containsExactly("1200", "EUR",
				LocalDate.of(2006, 1, 13), 20, "Müller Straßenbau GmbH " + tag);
		assertThat(opportunity("Schulung Öl " + tag)).containsExactly("1.5", "EUR",
				LocalDate.of(2006, 2, 1), 10, "Bäckerei Größer " + tag);
	}

	@Test
	void aUsFileReadsItsDatesMonthFirstUnlessTheCallerSaysOtherwise() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("us");
		account(token, "Harbor Foods " + tag);

		String job = importAndWait(token, upload("opportunities-us.csv", tag).param("entity", "opportunities"),
				Map.of("encoding", "UTF-8", "delimiter", "COMMA", "decimalMark", "POINT",
						"dateFormats['Close Date']", "MDY"));
		assertThat(job).contains("\"createdRows\":3", "\"rejectedRows\":0");
		assertThat(opportunity("Expansion " + tag)).startsWith("1250.5", "EUR", LocalDate.of(2005, 11, 9))
			.endsWith("Harbor Foods " + tag);
		assertThat(opportunity("Renewal " + tag)).startsWith("12000", "EUR", LocalDate.of(2006, 3, 4));
		assertThat(opportunity("Pilot " + tag).get(0)).isEqualTo("980.75");
		// a time with an offset falls on its date in the importing user's zone (UTC here)
		assertThat(opportunity("Pilot " + tag).get(2)).isEqualTo(LocalDate.of(2006, 1, 15));

		String other = TestData.unique("us");
		account(token, "Harbor Foods " + other);
		String dayFirst = importAndWait(token, upload("opportunities-us.csv", other).param("entity", "opportunities")
			.param("dateFormats", "{\"Close Date\": \"dmy\"}"), Map.of("dateFormats['Close Date']", "DMY"));
		assertThat(dayFirst).contains("\"createdRows\":3");
		assertThat(opportunity("Expansion " + other).get(2)).isEqualTo(LocalDate.of(2005, 9, 11));
		assertThat(opportunity("Renewal " + other).get(2)).isEqualTo(LocalDate.of(2006, 4, 3));
		assertThat(opportunity("Pilot " + other).get(2)).isEqualTo(LocalDate.of(2006, 1, 15));
	}

	@Test
	void aDateThatContradictsItsColumnsOrderRejectsItsRowNamingTheCellAndTheOrder() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("bad");
		account(token, "Acme " + tag);
		String csv = "Opportunity Name,Account Name,Amount,Close Date\nA " + tag + ",Acme " + tag + ",10,12/24/2005\n"
				+ "B " + tag + ",Acme " + tag + ",10,13/25/2005\n";
		String job = importAndWait(token, multipart("/api/v1/imports").file(new MockMultipartFile("file", "o.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("entity", "opportunities"),
				Map.of("dateFormats['Close Date']", "MDY"));
		assertThat(job).contains("\"createdRows\":1", "\"rejectedRows\":1");
		String id = JsonPath.read(job, "$.id");
		String rejected = mvc.perform(get("/api/v1/imports/" + id + "/rejected.csv").header("Authorization", token))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("Close date: 13/25/2005 is not a date written month first, as this column "
				+ "writes dates (such as 03/31/2026)");
	}

	@Test
	void aFileItsEncodingDoesNotReadAndUnknownSettingsAreRefusedNamingTheirField() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		byte[] latin1 = "Last Name\nAcme\nMüller\n".getBytes(StandardCharsets.ISO_8859_1);
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "c.csv", "text/csv", latin1))
			.param("entity", "contacts")
			.param("encoding", "utf-8")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("Line 3 of the file cannot be read as UTF-8 text. "
					+ "Choose the encoding the file is written in (such as UTF-8, Windows-1252 or GB18030) and try "
					+ "again."));
		// an Excel workbook uploaded as it is: a zip archive, no text
		byte[] workbook = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, '[', 'C', 'o', 'n', 't', 'e', 'n', 't', '_' };
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "accounts.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
			.param("entity", "contacts")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("The file is no text file. A spreadsheet (such as an "
					+ "Excel workbook) must be saved as CSV first: File, Save as, CSV."));
		for (List<String> refused : List.of(List.of("encoding", "EBCDIC-1047"), List.of("delimiter", "#"),
				List.of("dateFormats", "{\"Nowhere\": \"DMY\"}"), List.of("dateFormats", "{\"Last Name\": \"YDM\"}"),
				List.of("dateFormats", "[1, 2]"))) {
			mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "c.csv", "text/csv", latin1))
				.param("entity", "contacts")
				.param(refused.get(0), refused.get(1))
				.header("Authorization", token))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(refused.get(0)));
		}
	}

	/** Imports an account of that name. */
	private void account(String token, String name) throws Exception {
		importAndWait(token, multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
				("Account Name\n" + name + "\n").getBytes(StandardCharsets.UTF_8))).param("entity", "accounts"),
				Map.of());
	}

	/** The opportunity's amount (in plain form), currency, close date, probability and account name. */
	private List<Object> opportunity(String name) {
		Map<String, Object> row = jdbc.queryForMap("select o.amount, o.currency, o.close_date, o.probability, "
				+ "a.name as account from opportunity o join account a on a.id = o.account_id where o.name = ?", name);
		return List.of(((BigDecimal) row.get("amount")).stripTrailingZeros().toPlainString(), row.get("currency"),
				((Date) row.get("close_date")).toLocalDate(), row.get("probability"), row.get("account"));
	}

	/** A sample file with its tag put in, every other byte as written. */
	private static MockMultipartHttpServletRequestBuilder upload(String sample, String tag) throws IOException {
		byte[] bytes;
		try (InputStream in = ImportFileConventionsApiIntegrationTests.class
			.getResourceAsStream("/imports/" + sample)) {
			bytes = in.readAllBytes();
		}
		// the tag is ASCII, which every sample's encoding but UTF-16 writes as itself
		String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("@TAG@", tag);
		return multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", sample, "text/csv", text.getBytes(StandardCharsets.ISO_8859_1)));
	}

	/** Starts the import, checks what its answer says of the file, and answers the finished job. */
	private String importAndWait(String token, MockMultipartHttpServletRequestBuilder request,
			Map<String, String> expected) throws Exception {
		var started = mvc.perform(request.header("Authorization", token)).andExpect(status().isAccepted());
		for (Map.Entry<String, String> value : expected.entrySet()) {
			started.andExpect(jsonPath("$." + value.getKey()).value(value.getValue()));
		}
		String id = JsonPath.read(started.andReturn().getResponse().getContentAsString(), "$.id");
		return FinishedImports.awaitDone(mvc, token, id);
	}
}
