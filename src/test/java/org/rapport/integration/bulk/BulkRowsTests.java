package org.rapport.integration.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text that COPY reads: one line per row, values between tabs, escapes for what would break the format. */
class BulkRowsTests {

	@Test
	void escapesTabsLineBreaksAndBackslashesAndWritesNullsAsBackslashN() {
		UUID id = UUID.fromString("0190a5c2-0000-7000-8000-000000000001");
		byte[] text = BulkRows.copyText(List.<Object[]>of(new Object[] { id, "a\tb\nc\\d\re", null, true },
				new Object[] { id, "王", false, false }), "uvvb");

		assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo(id + "\ta\\tb\\nc\\\\d\\re\t\\N\tt\n" + id
				+ "\t王\tf\tf\n");
	}

	@Test
	void writesTimesWithTheirSecondsAndOffset() {
		OffsetDateTime onTheMinute = OffsetDateTime.of(2026, 11, 26, 18, 30, 0, 0, ZoneOffset.ofHours(8));
		byte[] text = BulkRows.copyText(List.<Object[]>of(new Object[] { onTheMinute }), "t");

		assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo("2026-11-26T18:30:00+08:00\n");
	}

	@Test
	void refusesARowWithTheWrongNumberOfValues() {
		assertThatThrownBy(() -> BulkRows.copyText(List.<Object[]>of(new Object[] { "a" }), "vv"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
