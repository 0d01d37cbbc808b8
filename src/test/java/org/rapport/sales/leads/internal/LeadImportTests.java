package org.rapport.sales.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Actor;
import org.rapport.integration.Cells;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportCells;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;

class LeadImportTests {

	@Test
	void guessesTheColumnsOfChineseHeaders() {
		assertThat(ImportColumn.guessMapping(LeadImport.COLUMNS, List.of("姓名", "公司", "邮箱")).values())
			.containsExactly("company", "email");
	}

	@Test
	void aStatusIsReadByOursOrByTheNamesOtherCrmsGiveTheirs() {
		ImportCells cells = Cells.in(Locale.ENGLISH);
		Map<String, String> statuses = Map.ofEntries(Map.entry("Open - Not Contacted", "NEW"),
				Map.entry("Working - Contacted", "CONTACTED"), Map.entry("Closed - Converted", "CONVERTED"),
				Map.entry("Closed - Not Converted", "DISQUALIFIED"), Map.entry("OPEN", "NEW"),
				Map.entry("ATTEMPTED_TO_CONTACT", "CONTACTED"), Map.entry("Open Deal", "QUALIFIED"),
				Map.entry("UNQUALIFIED", "DISQUALIFIED"), Map.entry("Junk Lead", "DISQUALIFIED"),
				Map.entry("Pre-Qualified", "QUALIFIED"), Map.entry("In Process", "CONTACTED"),
				Map.entry("Recycled", "NEW"), Map.entry("Dead", "DISQUALIFIED"), Map.entry("合格", "QUALIFIED"),
				Map.entry("contacted", "CONTACTED"), Map.entry("Not Contacted", "NEW"));
		statuses.forEach((cell, status) -> assertThat(Cells.read(cells, LeadImport.COLUMNS, "leadStatus", cell)
			.values()).as(cell).containsEntry("leadStatus", status));
		assertThat(Cells.read(cells, LeadImport.COLUMNS, "leadStatus", "Nurturing").notices())
			.containsEntry("leadStatus", "Status: 'Nurturing' is not one of ours; left out");
	}

	@Test
	void theConversionDateIsAMomentFromADateOrADateAndTime() {
		ImportCells cells = Cells.in(Locale.ENGLISH);
		assertThat(Cells.read(cells, LeadImport.COLUMNS, "convertedAt", "2023-06-12").values())
			.containsEntry("convertedAt", Instant.parse("2023-06-12T00:00:00Z"));
		assertThat(Cells.read(cells, LeadImport.COLUMNS, "convertedAt", "2026-03-31T09:15:02.123456Z").values())
			.containsEntry("convertedAt", Instant.parse("2026-03-31T09:15:02.123456Z"));
		assertThat(Cells.read(cells, LeadImport.COLUMNS, "convertedAt", "soon").errors())
			.containsEntry("convertedAt", "Converted on (date, or date and time): not a date (such as 2026-03-31)");
		assertThat(Cells.read(Cells.in(Locale.SIMPLIFIED_CHINESE), LeadImport.COLUMNS, "convertedAt", "soon")
			.errors()).containsKey("convertedAt");
	}

	@Test
	void aReasonForDisqualifyingWithoutAnyStatusDisqualifiesTheLeadAndOneDisqualifiedWithoutAReasonSaysSo() {
		ImportCells cells = Cells.in(Locale.ENGLISH);
		ImportRow lostInOdoo = row(cells, Map.of("disqualifiedReason", "Too expensive"));
		ImportRow notOurs = row(cells, Map.of("leadStatus", "Nurturing", "disqualifiedReason", "Too expensive"));
		ImportRow closed = row(cells, Map.of("leadStatus", "Closed - Not Converted"));

		new LeadImport(null, null, null, null, null).convert(batch(cells), List.of(lostInOdoo, notOurs, closed));

		assertThat(lostInOdoo.values()).containsEntry("leadStatus", "DISQUALIFIED");
		assertThat(lostInOdoo.notices()).isEmpty();
		assertThat(notOurs.values()).doesNotContainKey("leadStatus");
		assertThat(closed.values()).containsEntry("leadStatus", "DISQUALIFIED");
		assertThat(closed.notices()).containsEntry("disqualifiedReason", "Reason for disqualifying: the file gives "
				+ "none; the lead is disqualified without one (a lead disqualified in Rapport already keeps its own)");
	}

	/** A row with the cells given, read into the lead columns of their keys. */
	private static ImportRow row(ImportCells cells, Map<String, String> cellsByColumn) {
		ImportRow row = new ImportRow(2, List.copyOf(cellsByColumn.values()));
		cellsByColumn.forEach((key, cell) -> cells.read(
				LeadImport.COLUMNS.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(), cell, row));
		return row;
	}

	/** A batch that reads cells as given; no look-up is made for rows that name no converted records. */
	private static ImportBatch batch(ImportCells cells) {
		return new ImportBatch() {

			@Override
			public Actor actor() {
				return null;
			}

			@Override
			public ImportCells cells() {
				return cells;
			}

			@Override
			public void reject(ImportRow row, String column, String key, Object... args) {
				row.reject(column, cells.message(key, args));
			}

			@Override
			public Map<String, Object> customFields(ImportRow row, Map<String, Object> current, boolean creating) {
				return current;
			}
		};
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
