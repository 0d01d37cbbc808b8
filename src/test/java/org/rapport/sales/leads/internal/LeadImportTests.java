package org.rapport.sales.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;

class LeadImportTests {

	@Test
	void guessesTheColumnsOfChineseHeaders() {
		assertThat(ImportColumn.guessMapping(LeadImport.COLUMNS, List.of("姓名", "公司", "邮箱")).values())
			.containsExactly("company", "email");
	}

	@Test
	void aRatingOutsideTheChoicesIsLeftOutWithANoticeNamingTheColumnAndTheValueInBothLanguages() {
		ImportRow english = Cells.read(Cells.in(Locale.ENGLISH), LeadImport.COLUMNS, "rating", "lukewarm");
		assertThat(english.isValid()).isTrue();
		assertThat(english.values()).doesNotContainKey("rating");
		assertThat(english.notices()).containsEntry("rating", "Rating: 'lukewarm' is not one of ours; left out");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), LeadImport.COLUMNS, "rating", "lukewarm").notices())
			.containsEntry("rating", "评级：“lukewarm”不是可选值之一，已略去");
	}
}
