package org.rapport.sales.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;

class OpportunityImportTests {

	@Test
	void aCloseDateThatIsNoDateNamesTheColumnInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), OpportunityImport.COLUMNS, "closeDate", "tomorrow").errors())
			.containsEntry("closeDate", "Close date: not a date (such as 2026-03-31)");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), OpportunityImport.COLUMNS, "closeDate", "tomorrow").errors())
			.containsEntry("closeDate", "预计成交日期：不是日期（例如 2026-03-31）");
	}
}
