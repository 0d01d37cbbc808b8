package org.rapport.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

class UploadedTableTests {

	private static UploadedTable read(String text) {
		return UploadedTable.read("file", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 100);
	}

	@Test
	void readsTheHeaderAndRowsWhateverTheSeparator() {
		UploadedTable commas = read("\uFEFFcustomer,date,amount\nc1,2024-01-02,10.5\n\nc2,2024-02-03,\"1,5\"\n");
		assertThat(commas.columns()).containsExactly("customer", "date", "amount");
		assertThat(commas.size()).isEqualTo(2);
		assertThat(commas.row(1)).containsExactly("c2", "2024-02-03", "1,5");
		assertThat(commas.line(1)).isEqualTo(4);
		assertThat(commas.column("amountColumn", "AMOUNT")).isEqualTo(2);
		assertThat(commas.number(0, 2, "amountColumn")).isEqualTo(10.5);

		assertThat(read("user\titem\nu1\ti1\n").row(0)).containsExactly("u1", "i1");
		assertThat(read("user;item\nu1;i1\n").row(0)).containsExactly("u1", "i1");
	}

	@Test
	void refusesWhatCannotBeAnalysedNamingTheFieldAndTheLine() {
		assertThatThrownBy(() -> read("")).isInstanceOf(InvalidField.class)
			.hasFieldOrPropertyWithValue("field", "file")
			.extracting(e -> ((InvalidField) e).messageKey())
			.isEqualTo("analytics.upload.empty");
		assertThatThrownBy(() -> read("a,b\n")).extracting(e -> ((InvalidField) e).messageKey())
			.isEqualTo("analytics.upload.noRows");
		assertThatThrownBy(() -> read("a,b\n1,2\n3\n")).extracting(e -> ((InvalidField) e).getArguments())
			.isEqualTo(new Object[] { 3, 1, 2 });
		assertThatThrownBy(() -> read("a,b\n1,2\n").column("amountColumn", "amount"))
			.isInstanceOf(InvalidField.class)
			.hasFieldOrPropertyWithValue("field", "amountColumn");
		assertThatThrownBy(() -> read("a,b\n1,x\n").number(0, 1, "amountColumn"))
			.hasFieldOrPropertyWithValue("field", "amountColumn")
			.extracting(e -> ((InvalidField) e).getArguments()[0])
			.isEqualTo(2);
		assertThatThrownBy(() -> UploadedTable.read("train",
				new ByteArrayInputStream(new byte[] { 'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, ',', '1', '\n' }), 10))
			.hasFieldOrPropertyWithValue("field", "train")
			.extracting(e -> ((InvalidField) e).messageKey())
			.isEqualTo("analytics.upload.encoding");
		StringBuilder many = new StringBuilder("a\n");
		for (int i = 0; i < 101; i++) {
			many.append(i).append('\n');
		}
		assertThatThrownBy(() -> read(many.toString())).extracting(e -> ((InvalidField) e).messageKey())
			.isEqualTo("analytics.upload.tooManyRows");
	}
}
