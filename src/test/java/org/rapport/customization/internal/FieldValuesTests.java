package org.rapport.customization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.customization.CustomField;
import org.rapport.customization.FieldType;

class FieldValuesTests {

	static CustomField field(FieldType type, String... options) {
		return new CustomField(null, "account", "f", type, "F", null, null, null, false, null, List.of(options), "EUR",
				0, false, 0);
	}

	static Object read(FieldType type, Object raw, String... options) {
		return FieldValues.read(field(type, options), raw, ZoneId.of("Asia/Shanghai"));
	}

	static void refused(FieldType type, Object raw, String messageKey, String... options) {
		assertThatThrownBy(() -> read(type, raw, options)).isInstanceOf(FieldValues.Refused.class)
			.extracting(e -> ((FieldValues.Refused) e).messageKey())
			.isEqualTo(messageKey);
	}

	@Test
	void emptyInputClearsAValueButAnUntickedBoxMeansNo() {
		assertThat(read(FieldType.TEXT, "  ")).isNull();
		assertThat(read(FieldType.MULTI_PICK_LIST, List.of(), "A")).isNull();
		assertThat(read(FieldType.CHECKBOX, "")).isEqualTo(false);
	}

	@Test
	void numbersAreReadFromTextOrJsonAndKeptExact() {
		assertThat(read(FieldType.NUMBER, "1 200")).isEqualTo(1200L);
		assertThat(read(FieldType.NUMBER, 7)).isEqualTo(7L);
		refused(FieldType.NUMBER, "12.5", "custom-field.invalid.number");
		refused(FieldType.NUMBER, "twelve", "custom-field.invalid.number");
		assertThat(read(FieldType.DECIMAL, "3,75")).isEqualTo(new BigDecimal("3.75"));
		assertThat(read(FieldType.CURRENCY, "1,250.50")).isEqualTo(new BigDecimal("1250.5"));
		assertThat(read(FieldType.DECIMAL, 0.1)).isEqualTo(new BigDecimal("0.1"));
		refused(FieldType.DECIMAL, "1e40", "custom-field.invalid.decimal");
	}

	@Test
	void datesAcceptIsoAndChineseFormsAndDateTimesAreStoredInUtc() {
		assertThat(read(FieldType.DATE, "2026-12-31")).isEqualTo("2026-12-31");
		assertThat(read(FieldType.DATE, "2026/1/5")).isEqualTo("2026-01-05");
		assertThat(read(FieldType.DATE, "2026年1月5日")).isEqualTo("2026-01-05");
		refused(FieldType.DATE, "31.12.", "custom-field.invalid.date");
		assertThat(read(FieldType.DATE_TIME, "2026-12-31T08:30")).isEqualTo("2026-12-31T00:30:00Z");
		assertThat(read(FieldType.DATE_TIME, "2026-12-31 08:30:00+01:00")).isEqualTo("2026-12-31T07:30:00Z");
		refused(FieldType.DATE_TIME, "tomorrow", "custom-field.invalid.date-time");
	}

	@Test
	void checkboxesUnderstandEnglishAndChineseWords() {
		assertThat(read(FieldType.CHECKBOX, "Yes")).isEqualTo(true);
		assertThat(read(FieldType.CHECKBOX, "是")).isEqualTo(true);
		assertThat(read(FieldType.CHECKBOX, "否")).isEqualTo(false);
		assertThat(read(FieldType.CHECKBOX, false)).isEqualTo(false);
		refused(FieldType.CHECKBOX, "maybe", "custom-field.invalid.checkbox");
	}

	@Test
	void pickListsTakeOnlyTheirOptionsWrittenAsDefined() {
		assertThat(read(FieldType.PICK_LIST, "gold", "Gold", "Silver")).isEqualTo("Gold");
		refused(FieldType.PICK_LIST, "Platinum", "custom-field.invalid.option", "Gold", "Silver");
		refused(FieldType.PICK_LIST, List.of("Gold"), "custom-field.invalid.single", "Gold", "Silver");
		assertThat(read(FieldType.MULTI_PICK_LIST, "silver; GOLD", "Gold", "Silver", "Bronze"))
			.isEqualTo(List.of("Gold", "Silver"));
		assertThat(read(FieldType.MULTI_PICK_LIST, List.of("Bronze", "Gold"), "Gold", "Silver", "Bronze"))
			.isEqualTo(List.of("Gold", "Bronze"));
		refused(FieldType.MULTI_PICK_LIST, "Gold;Tin", "custom-field.invalid.option", "Gold", "Silver");
	}

	@Test
	void addressesAndPhonesAreChecked() {
		assertThat(read(FieldType.URL, "example.com/path")).isEqualTo("example.com/path");
		refused(FieldType.URL, "not a site", "custom-field.invalid.url");
		refused(FieldType.URL, "ftp://example.com", "custom-field.invalid.url");
		assertThat(read(FieldType.EMAIL, "li@example.cn")).isEqualTo("li@example.cn");
		refused(FieldType.EMAIL, "li@", "custom-field.invalid.email");
		assertThat(read(FieldType.PHONE, "+86 (21) 5555-0101")).isEqualTo("+86 (21) 5555-0101");
		refused(FieldType.PHONE, "call me", "custom-field.invalid.phone");
	}

	@Test
	void textHasLimits() {
		assertThat(read(FieldType.TEXT, "  华东区  ")).isEqualTo("华东区");
		refused(FieldType.TEXT, "x".repeat(256), "custom-field.invalid.too-long");
		assertThat(read(FieldType.LONG_TEXT, "x".repeat(4000))).isNotNull();
		refused(FieldType.LONG_TEXT, "x".repeat(4001), "custom-field.invalid.too-long-text");
	}
}
