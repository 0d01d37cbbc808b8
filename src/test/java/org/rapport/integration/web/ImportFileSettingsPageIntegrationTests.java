package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;

/**
 * The mapping page shows how the file is read — its encoding, separator, decimal mark and the order of each date
 * column, with what told them — and lets the user change each; the preview shows the file's text beside a value
 * stored as other text.
 */
@RapportTest
class ImportFileSettingsPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void theMappingPageShowsAndChangesTheEncodingAndTheOrderOfADateColumn() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("page");
		byte[] file;
		try (InputStream in = getClass().getResourceAsStream("/imports/opportunities-de-windows-1252.csv")) {
			file = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("@TAG@", tag)
				.getBytes(StandardCharsets.ISO_8859_1);
		}
		String mapping = mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", "chancen.csv", "text/csv", file))
			.param("entity", "opportunities")
			.param("encoding", "")
			.with(data.as(seller))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String id = mapping.split("/")[2];

		String page = page(mapping, seller);
		assertThat(page).contains("<option value=\"WINDOWS_1252\" selected=\"selected\">Windows-1252 (Western "
				+ "European, reads Latin-1)</option>", "<option value=\"SEMICOLON\" selected=\"selected\">",
				"Detected: Windows-1252", ">Währung<", ">Abschlussdatum<",
				"<option value=\"COMMA\" selected=\"selected\">Decimal comma: 1.234,50</option>",
				"Detected from 2 cell(s) of “Betrag” that read only this way, such as 500.000,00.",
				"<label class=\"form-label small mb-1\" for=\"dateOrder-4\">Dates in “Abschlussdatum”</label>",
				"Detected from 13.01.2006.");
		assertThat(selected(page, "dateOrder-4")).isEqualTo("DMY");

		mvc.perform(post("/imports/" + id + "/file").param("encoding", "ISO_8859_1").param("delimiter", "SEMICOLON")
			.with(data.as(seller)).with(csrf())).andExpect(redirectedUrl(mapping));
		page = page(mapping, seller);
		assertThat(page).contains("<option value=\"ISO_8859_1\" selected=\"selected\">", ">Währung<",
				"Detected: Windows-1252");

		FlashMap refused = mvc.perform(post("/imports/" + id + "/file").param("encoding", "UTF_8")
			.param("delimiter", "SEMICOLON")
			.with(data.as(seller)).with(csrf())).andExpect(redirectedUrl(mapping)).andReturn().getFlashMap();
		page = mvc.perform(get(mapping).flashAttrs(refused).with(data.as(seller))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		assertThat(page).contains("id=\"file-settings-error\">Line 1 of the file cannot be read as UTF-8 text.",
				"<option value=\"ISO_8859_1\" selected=\"selected\">");

		mvc.perform(post(mapping).with(data.as(seller)).with(csrf())
			.param("field", "name", "account", "amount", "currency", "closeDate", "probability")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "NAME")
			.param("decimalMark", "COMMA")
			.param("dateColumn", "4")
			.param("dateOrder", "MDY")).andExpect(redirectedUrl(mapping.replace("/mapping", "/preview")));
		String preview = page(mapping.replace("/mapping", "/preview"), seller);
		assertThat(preview).contains("<strong>Decimal comma: 1.234,50</strong>",
				"Dates in “Abschlussdatum”</span>:", "<strong>Month first: 03/31/2026</strong>",
				"<strong>ISO-8859-1 (Latin-1)</strong>", "<strong>Semicolon (;)</strong>",
				">500000.00<", "in the file: 500.000,00", ">2005-09-11<", "in the file: 09.11.2005",
				"13.01.2006 is not a date written month first, as this column writes dates (such as 03/31/2026)");

		page = page(mapping, seller);
		assertThat(selected(page, "dateOrder-4")).isEqualTo("MDY");
		assertThat(page).contains("Chosen by you.");
	}

	@Test
	void anUploadInAnEncodingThatDoesNotReadTheFileNamesTheLine() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		byte[] latin1 = "Last Name\nAcme\nMüller\n".getBytes(StandardCharsets.ISO_8859_1);
		String page = mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", "c.csv", "text/csv", latin1))
			.param("entity", "contacts")
			.param("encoding", "UTF_8")
			.with(data.as(seller))
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Line 3 of the file cannot be read as UTF-8 text.",
				"<option value=\"WINDOWS_1252\">");
	}

	private String page(String url, User user) throws Exception {
		return mvc.perform(get(url).with(data.as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").replace("> <", "><");
	}

	/** The value of the option selected in the select of that id. */
	private static String selected(String page, String select) {
		String from = page.substring(page.indexOf("id=\"" + select + "\""));
		String options = from.substring(0, from.indexOf("</select>"));
		int at = options.indexOf("selected=\"selected\"");
		String before = options.substring(0, at);
		String value = before.substring(before.lastIndexOf("value=\"") + 7);
		return value.substring(0, value.indexOf('"'));
	}
}
