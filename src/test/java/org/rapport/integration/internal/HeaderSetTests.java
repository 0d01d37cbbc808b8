package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class HeaderSetTests {

	@Test
	void headersNameTheirColumnWithoutCaseSpacesAndPunctuationInTheOrderListed() {
		HeaderSet set = HeaderSet.read("example", new StringReader("""
				# a comment
				detect = CreatedDate, Straße 2
				accounts.street = BillingStreet, Billing Street Line, \\
				  Straße
				contacts.phone = Phone, 手机号码
				"""));

		assertThat(set.named("accounts", "billing_street")).contains(new HeaderSet.Named("street", 0));
		assertThat(set.named("accounts", "STRASSE")).isEmpty();
		assertThat(set.named("accounts", "straße")).contains(new HeaderSet.Named("street", 2));
		assertThat(set.named("contacts", "手机号码")).contains(new HeaderSet.Named("phone", 1));
		assertThat(set.named("contacts", "CreatedDate")).isEmpty();
		assertThat(set.named("leads", "Phone")).isEmpty();
		assertThat(set.known()).contains("createddate", "straße2", "billingstreet", "phone");
		assertThat(set.spellings()).contains("CreatedDate", "Billing Street Line");
	}

	@Test
	void aHeaderThatNamesTwoColumnsOfOneKindIsRefused() {
		assertThatThrownBy(() -> HeaderSet.read("example", new StringReader("""
				contacts.phone = Phone
				contacts.title = phone
				"""))).isInstanceOf(IllegalStateException.class).hasMessageContaining("phone");
	}

	@Test
	void aLineThatNamesNoKindAndColumnIsRefused() {
		assertThatThrownBy(() -> HeaderSet.read("example", new StringReader("phone = Phone\n")))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("phone");
	}
}
