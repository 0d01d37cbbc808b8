package org.rapport.integration.internal;

import java.util.List;

/**
 * A field that several columns of a file could fill, and which of them the guessed mapping took: the one with
 * values in the file's first rows where the others have none ({@code byData}), else the one whose header names the
 * field first. The columns passed over are left unmapped.
 */
public record ColumnChoice(String field, int column, List<Integer> passedOver, boolean byData) {

	public ColumnChoice {
		passedOver = List.copyOf(passedOver);
	}
}
