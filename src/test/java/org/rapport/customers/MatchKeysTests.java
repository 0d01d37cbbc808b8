package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchKeysTests {

	@Test
	void companyNamesCompareWithoutCaseSpacingPunctuationOrLegalForms() {
		assertThat(MatchKeys.companyName("ACME, Inc.")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("  Acme   Inc ")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("Acme Ltd")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("Acme LLC")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("Acme Co.")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("Acme GmbH & Co. KG")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("Acme S.A.")).isEqualTo("acme");
		assertThat(MatchKeys.companyName("Müller-Lüdenscheid GmbH")).isEqualTo("mullerludenscheid");
		assertThat(MatchKeys.companyName("Acme Robotics")).isEqualTo("acmerobotics");
	}

	@Test
	void chineseLegalFormsGoToo() {
		assertThat(MatchKeys.companyName("上海星辰科技有限公司")).isEqualTo("上海星辰科技");
		assertThat(MatchKeys.companyName("上海星辰科技股份有限公司")).isEqualTo("上海星辰科技");
		assertThat(MatchKeys.companyName("上海星辰科技")).isEqualTo("上海星辰科技");
	}

	@Test
	void aNameThatIsOnlyALegalFormKeepsItsWordAndBlankNamesHaveNoKey() {
		assertThat(MatchKeys.companyName("Inc")).isEqualTo("inc");
		assertThat(MatchKeys.companyName("有限公司")).isEqualTo("有限公司");
		assertThat(MatchKeys.companyName("  ")).isNull();
		assertThat(MatchKeys.companyName("...")).isNull();
		assertThat(MatchKeys.companyName(null)).isNull();
	}

	@Test
	void differentCompaniesKeepDifferentKeys() {
		assertThat(MatchKeys.companyName("Acme Robotics")).isNotEqualTo(MatchKeys.companyName("Acme"));
		assertThat(MatchKeys.companyName("Coca Cola")).isEqualTo("cocacola");
	}

	@Test
	void domainsLoseSchemeWwwPortPathAndCase() {
		assertThat(MatchKeys.domain("https://WWW.Acme.com/about?x=1")).isEqualTo("acme.com");
		assertThat(MatchKeys.domain("http://acme.com:8080")).isEqualTo("acme.com");
		assertThat(MatchKeys.domain("www.acme.com")).isEqualTo("acme.com");
		assertThat(MatchKeys.domain("acme.com/")).isEqualTo("acme.com");
		assertThat(MatchKeys.domain("shop.acme.com")).isEqualTo("shop.acme.com");
		assertThat(MatchKeys.domain("")).isNull();
		assertThat(MatchKeys.domain(null)).isNull();
	}

	@Test
	void emailsCompareWithoutCaseOrSurroundingSpace() {
		assertThat(MatchKeys.email(" Ada@Example.COM ")).isEqualTo("ada@example.com");
		assertThat(MatchKeys.email(" ")).isNull();
	}

	@Test
	void peopleCompareByFirstAndLastNameWithoutCaseAccentsOrPunctuation() {
		assertThat(MatchKeys.person("Ana-María", "López")).isEqualTo("anamaria|lopez");
		assertThat(MatchKeys.person(" ana maría ", "LOPEZ")).isEqualTo("anamaria|lopez");
		assertThat(MatchKeys.person(null, "Lovelace")).isEqualTo("|lovelace");
		assertThat(MatchKeys.person("Ann", "Lee")).isNotEqualTo(MatchKeys.person("Annl", "Ee"));
		assertThat(MatchKeys.person("Ada", null)).isNull();
	}
}
