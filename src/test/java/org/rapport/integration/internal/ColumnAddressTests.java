package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnAddressTests {

	static final List<String> HEADERS = List.of("Record ID", "Phone Number", "Create Date", "Company name",
			"Phone Number", "Create Date", "Phone Number");

	@Test
	void aRepeatedHeaderIsAddressedByWhichOfItsColumnsItIsAndABareHeaderNamesTheFirst() {
		assertThat(ColumnAddress.find(HEADERS, "Phone Number")).isEqualTo(1);
		assertThat(ColumnAddress.find(HEADERS, "Phone Number#1")).isEqualTo(1);
		assertThat(ColumnAddress.find(HEADERS, "Phone Number#2")).isEqualTo(4);
		assertThat(ColumnAddress.find(HEADERS, " Phone Number#3 ")).isEqualTo(6);
		assertThat(ColumnAddress.find(HEADERS, "Create Date#2")).isEqualTo(5);
		assertThat(ColumnAddress.find(HEADERS, "Record ID")).isZero();
	}

	@Test
	void anAddressOfNoColumnOfTheFileFindsNone() {
		assertThat(ColumnAddress.find(HEADERS, "Phone Number#4")).isEqualTo(-1);
		assertThat(ColumnAddress.find(HEADERS, "Phone Number#0")).isEqualTo(-1);
		assertThat(ColumnAddress.find(HEADERS, "Record ID#2")).isEqualTo(-1);
		assertThat(ColumnAddress.find(HEADERS, "Mobile")).isEqualTo(-1);
		assertThat(ColumnAddress.find(HEADERS, "Phone Number#")).isEqualTo(-1);
		assertThat(ColumnAddress.find(HEADERS, "Phone Number#x")).isEqualTo(-1);
		assertThat(ColumnAddress.find(HEADERS, null)).isEqualTo(-1);
	}

	@Test
	void aHeaderWrittenWithANumberSignInTheFileIsFoundAsWritten() {
		List<String> headers = List.of("Address #2", "Address", "Address");
		assertThat(ColumnAddress.find(headers, "Address #2")).isZero();
		assertThat(ColumnAddress.find(headers, "Address#2")).isEqualTo(2);
	}

	@Test
	void eachColumnHasTheAddressThatFindsItAgain() {
		for (int column = 0; column < HEADERS.size(); column++) {
			assertThat(ColumnAddress.find(HEADERS, ColumnAddress.of(HEADERS, column))).isEqualTo(column);
		}
		assertThat(ColumnAddress.of(HEADERS, 1)).isEqualTo("Phone Number");
		assertThat(ColumnAddress.of(HEADERS, 6)).isEqualTo("Phone Number#3");
		assertThat(ColumnAddress.isRepeated(HEADERS, 4)).isTrue();
		assertThat(ColumnAddress.isRepeated(HEADERS, 0)).isFalse();
		assertThat(ColumnAddress.occurrence(HEADERS, 5)).isEqualTo(2);
	}

	@Test
	void columnsAreLetteredAsSpreadsheetsLetterThem() {
		assertThat(ColumnAddress.letter(0)).isEqualTo("A");
		assertThat(ColumnAddress.letter(25)).isEqualTo("Z");
		assertThat(ColumnAddress.letter(26)).isEqualTo("AA");
		assertThat(ColumnAddress.letter(51)).isEqualTo("AZ");
		assertThat(ColumnAddress.letter(52)).isEqualTo("BA");
		assertThat(ColumnAddress.letter(701)).isEqualTo("ZZ");
		assertThat(ColumnAddress.letter(702)).isEqualTo("AAA");
	}
}
