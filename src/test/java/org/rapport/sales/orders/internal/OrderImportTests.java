package org.rapport.sales.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;

class OrderImportTests {

	@Test
	void aQuantityThatIsNoNumberNamesTheColumnInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), OrderImport.COLUMNS, "quantity", "a few").errors())
			.containsEntry("quantity", "Quantity: a few is not a number with a decimal point, as this file writes numbers (such as 1,234.50)");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), OrderImport.COLUMNS, "quantity", "a few").errors())
			.containsEntry("quantity", "数量：a few 不是以小数点书写的数字（本文件的数字写作 1,234.50 这样）");
	}
}
