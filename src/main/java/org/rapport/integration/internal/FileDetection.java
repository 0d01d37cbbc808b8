package org.rapport.integration.internal;

import java.util.Map;
import java.util.TreeMap;
import org.rapport.integration.CurrencySymbols;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;

/**
 * What was detected of an uploaded file, shown when it is mapped beside what the user may change: its encoding, its
 * delimiter, the decimal mark of its numbers with the cells that told it, the order of the dates of each column
 * (by index) that holds dates, and the currency of its amounts that name none with the symbols that told it.
 *
 * @param currency null for files of kinds of record that hold no amounts, and for those detected before currencies
 */
public record FileDetection(FileEncoding encoding, Delimiter delimiter, DecimalMark.Detection mark,
		Map<Integer, DateOrder.Detection> dates, CurrencySymbols.Detection currency) {

	public FileDetection {
		dates = new TreeMap<>(dates);
	}
}
