package org.rapport.sales.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.integration.Cells;

class ProductImportTests {

	@Test
	void aPriceNotWrittenAsTheFileWritesNumbersNamesTheColumnInBothLanguages() {
		assertThat(Cells.read(Cells.in(Locale.ENGLISH), ProductImport.COLUMNS, "unitPrice", "12,5").errors())
			.containsEntry("unitPrice", "Unit price: 12,5 is not a number with a decimal point, as this file writes numbers (such as 1,234.50)");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), ProductImport.COLUMNS, "unitPrice", "12,5").errors())
			.containsEntry("unitPrice", "单价：12,5 不是以小数点书写的数字（本文件的数字写作 1,234.50 这样）");
	}
}
