package org.rapport.sales.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;

class ContractImportTests {

	@Test
	void aStartDateThatIsNoDateNamesTheColumnInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), ContractImport.COLUMNS, "startDate", "someday").errors())
			.containsEntry("startDate", "Start date: not a date (such as 2026-03-31)");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), ContractImport.COLUMNS, "startDate", "someday").errors())
			.containsEntry("startDate", "开始日期：不是日期（例如 2026-03-31）");
	}
}
