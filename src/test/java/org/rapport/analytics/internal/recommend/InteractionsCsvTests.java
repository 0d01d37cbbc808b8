package org.rapport.analytics.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

class InteractionsCsvTests {

	@Test
	void theNamedColumnsAreReadWhateverTheDelimiterAndOtherColumnsAreIgnored() {
		String semicolons = "rating;customer;product\n5;\"Smith; Ann\";tea\n3;bob;cake\n4;bob;cake\n";
		Interactions<String, String> interactions = InteractionsCsv.read(new StringReader(semicolons), "train",
				"customer", "product");
		assertThat(interactions.userCount()).isEqualTo(2);
		assertThat(interactions.user(0)).isEqualTo("Smith; Ann");
		assertThat(interactions.size()).isEqualTo(2);
		String tabs = "user\titem\ttimestamp\n196\t242\t881250949\n\n186\t302\t891717742\n";
		assertThat(InteractionsCsv.read(new StringReader(tabs), "test", "user", "item").size()).isEqualTo(2);
	}

	@Test
	void aByteOrderMarkAndTheCaseOfTheHeaderDoNotMatter() {
		byte[] file = "\uFEFFUser,Item\nann,tea\n".getBytes(StandardCharsets.UTF_8);
		Interactions<String, String> interactions = InteractionsCsv.read(new ByteArrayInputStream(file), "train",
				"user", "item");
		assertThat(interactions.item(0)).isEqualTo("tea");
	}

	@Test
	void aMissingColumnIsRefusedNamingTheFieldThatNamedIt() {
		String file = "user,product\nann,tea\n";
		assertThatThrownBy(() -> InteractionsCsv.read(new StringReader(file), "train", "user", "item"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("itemColumn", "analytics.recommendations.missingColumn");
		assertThatThrownBy(() -> InteractionsCsv.read(new StringReader(file), "train", "customer", "product"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field())
			.isEqualTo("userColumn");
		assertThatThrownBy(() -> InteractionsCsv.read(new StringReader(file), "train", " ", "product"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("userColumn", "analytics.recommendations.columnRequired");
	}

	@Test
	void anEmptyFileABlankCellAndBrokenQuotesAreRefusedNamingTheUpload() {
		assertThatThrownBy(() -> InteractionsCsv.read(new StringReader(""), "test", "user", "item"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("test", "analytics.recommendations.noInteractions");
		assertThatThrownBy(() -> InteractionsCsv.read(new StringReader("user,item\nann,\n"), "train", "user", "item"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("train", "analytics.recommendations.blankCell");
		assertThatThrownBy(() -> InteractionsCsv.read(new StringReader("user,item\n\"ann,tea\n"), "train", "user", "item"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("train", "analytics.recommendations.unreadableFile");
		byte[] latin1 = "user,item\nren\u00e9,th\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> InteractionsCsv.read(new ByteArrayInputStream(latin1), "train", "user", "item"))
			.isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).messageKey())
			.isEqualTo("analytics.recommendations.unreadableFile");
	}

	@Test
	void aHeaderWithoutRowsGivesNoInteractions() {
		assertThat(InteractionsCsv.read(new StringReader("user,item\n"), "train", "user", "item").isEmpty()).isTrue();
	}
}
