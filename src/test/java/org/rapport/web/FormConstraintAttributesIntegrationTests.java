package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class FormConstraintAttributesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void formFieldsCarryRequiredAndLengthsFromTheirRecordsConstraints() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String account = page("/accounts/new", seller);
		assertThat(tag(account, "input", "name")).contains(" required", "maxlength=\"200\"");
		assertThat(tag(account, "input", "email")).contains("maxlength=\"254\"").doesNotContain("required");
		assertThat(tag(account, "input", "billingAddress.city")).contains("maxlength=\"100\"");
		assertThat(tag(account, "textarea", "description")).contains("maxlength=\"4000\"");

		String contact = page("/contacts/new", seller);
		assertThat(tag(contact, "input", "lastName")).contains(" required", "maxlength=\"100\"");

		String opportunity = page("/opportunities/new", seller);
		assertThat(tag(opportunity, "input", "amount")).contains(" required", "min=\"0\"", "step=\"any\"");
		assertThat(tag(opportunity, "input", "probability")).contains("min=\"0\"", "max=\"100\"");
		assertThat(tag(opportunity, "input", "closeDate")).contains(" required");
	}

	private String page(String path, User user) throws Exception {
		return mvc.perform(get(path).with(data.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The opening tag of the element with the id. */
	private static String tag(String html, String element, String id) {
		Matcher matcher = Pattern.compile("<" + element + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(html);
		assertThat(matcher.find()).as("<%s id=%s>", element, id).isTrue();
		return matcher.group();
	}
}
