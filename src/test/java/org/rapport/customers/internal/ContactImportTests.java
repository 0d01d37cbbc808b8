package org.rapport.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;
import org.rapport.integration.ImportColumn;

class ContactImportTests {

	@Test
	void guessesTheColumnsOfEnglishHeaders() {
		assertThat(ImportColumn.guessMapping(ContactImport.COLUMNS,
				List.of("First Name", "LAST_NAME", "E-mail", "Company", "Phone", "Notes")))
			.containsExactly(Map.entry(0, "firstName"), Map.entry(1, "lastName"), Map.entry(2, "email"),
					Map.entry(3, "account"), Map.entry(4, "phone"));
	}

	@Test
	void guessesTheColumnsOfChineseHeaders() {
		assertThat(ImportColumn.guessMapping(ContactImport.COLUMNS, List.of("名", "姓", "电子邮件", "客户", "电话", "职位"))
			.values()).containsExactly("firstName", "lastName", "email", "account", "phone", "title");
	}

	@Test
	void aColumnTakesAFieldOnlyOnce() {
		assertThat(ImportColumn.guessMapping(ContactImport.COLUMNS, List.of("Email", "E-mail")).values())
			.containsExactly("email");
	}

	@Test
	void anEmailThatIsNoAddressIsRefusedAsTheFormRefusesItNamingTheColumnInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), ContactImport.COLUMNS, "email", "nobody").errors())
			.containsEntry("email", "E-mail: must be an e-mail address such as name@example.com");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), ContactImport.COLUMNS, "email", "nobody").errors())
			.containsEntry("email", "电子邮件：必须是电子邮件地址，例如 name@example.com");
	}
}
