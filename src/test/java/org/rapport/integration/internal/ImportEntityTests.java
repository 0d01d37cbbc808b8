package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportEntityTests {

	@Test
	void guessesTheFieldsOfEnglishHeaders() {
		assertThat(ImportEntity.CONTACTS.guessMapping(List.of("First Name", "LAST_NAME", "E-mail", "Company", "Phone",
				"Notes"))).containsExactly(java.util.Map.entry(0, "firstName"), java.util.Map.entry(1, "lastName"),
						java.util.Map.entry(2, "email"), java.util.Map.entry(3, "account"),
						java.util.Map.entry(4, "phone"));
	}

	@Test
	void guessesTheFieldsOfChineseHeaders() {
		assertThat(ImportEntity.CONTACTS.guessMapping(List.of("名", "姓", "电子邮件", "客户", "电话", "职位")).values())
			.containsExactly("firstName", "lastName", "email", "account", "phone", "title");
		assertThat(ImportEntity.LEADS.guessMapping(List.of("姓名", "公司", "邮箱")).values())
			.containsExactly("company", "email");
		assertThat(ImportEntity.ACCOUNTS.guessMapping(List.of("客户名称", "网站", "行业")).values())
			.containsExactly("name", "website", "industry");
	}

	@Test
	void aColumnTakesAFieldOnlyOnce() {
		assertThat(ImportEntity.CONTACTS.guessMapping(List.of("Email", "E-mail")).values()).containsExactly("email");
	}
}
