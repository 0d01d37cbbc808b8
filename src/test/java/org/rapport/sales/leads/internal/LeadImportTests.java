package org.rapport.sales.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;
import org.rapport.integration.ImportColumn;

class LeadImportTests {

	@Test
	void guessesTheColumnsOfChineseHeaders() {
		assertThat(ImportColumn.guessMapping(LeadImport.COLUMNS, List.of("姓名", "公司", "邮箱")).values())
			.containsExactly("company", "email");
	}

	@Test
	void aRatingOutsideTheChoicesNamesTheColumnAndTheChoicesInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), LeadImport.COLUMNS, "rating", "lukewarm").errors().get("rating"))
			.startsWith("Rating: ").contains("HOT");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), LeadImport.COLUMNS, "rating", "lukewarm").errors()
			.get("rating")).startsWith("评级：").contains("HOT");
	}
}
