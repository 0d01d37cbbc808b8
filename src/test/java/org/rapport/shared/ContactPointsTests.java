package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactPointsTests {

	@Test
	void phoneNumbersAreDigitsWithTheSeparatorsPeopleWrite() {
		assertThat(ContactPoints.isPhone("+49 40 123456")).isTrue();
		assertThat(ContactPoints.isPhone("(010) 8888-1234")).isTrue();
		assertThat(ContactPoints.isPhone("")).isTrue();
		assertThat(ContactPoints.isPhone(null)).isTrue();
		assertThat(ContactPoints.isPhone("abc-phone")).isFalse();
		assertThat(ContactPoints.isPhone("1".repeat(41))).isFalse();
	}

	@Test
	void eMailAddressesNeedAMailboxAndADomainWithADot() {
		assertThat(ContactPoints.isEmail("li.wei@example.cn")).isTrue();
		assertThat(ContactPoints.isEmail("王@例子.中国")).isTrue();
		assertThat(ContactPoints.isEmail("no-at-sign")).isFalse();
		assertThat(ContactPoints.isEmail("a@b")).isFalse();
		assertThat(ContactPoints.isEmail("a b@example.com")).isFalse();
	}

	@Test
	void webAddressesMayLeaveOutTheirScheme() {
		assertThat(ContactPoints.isWebsite("example.com")).isTrue();
		assertThat(ContactPoints.isWebsite("https://example.com/about")).isTrue();
		assertThat(ContactPoints.isWebsite("not a site")).isFalse();
	}
}
