package org.rapport.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;
import org.rapport.integration.ImportColumn;

class AccountImportTests {

	@Test
	void guessesTheColumnsOfChineseHeaders() {
		assertThat(ImportColumn.guessMapping(AccountImport.COLUMNS, List.of("客户名称", "网站", "行业")).values())
			.containsExactly("name", "website", "industry");
	}

	@Test
	void aWebsiteThatIsNoAddressIsRefusedAsTheFormRefusesItNamingTheColumnInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), AccountImport.COLUMNS, "website", "not a site").errors())
			.containsEntry("website", "Website: must be a web address such as example.com or https://example.com");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), AccountImport.COLUMNS, "website", "not a site")
			.errors()).containsEntry("website", "网站：必须是网址，例如 example.com 或 https://example.com");
	}

	@Test
	void aLifecycleStageIsReadByItsLabelInEitherLanguage() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), AccountImport.COLUMNS, "lifecycleStage", "prospect").values())
			.containsEntry("lifecycleStage", "PROSPECT");
	}
}
