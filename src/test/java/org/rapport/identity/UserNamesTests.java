package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserNamesTests {

	static final UserSummary ADA = new UserSummary(new UserId(UUID.randomUUID()), "ada", "Ada Lovelace", null, true,
			"ada@example.com");

	static final UserSummary GRACE = new UserSummary(new UserId(UUID.randomUUID()), "grace", "Sam Lee", null, true,
			"grace@example.com");

	static final UserSummary SAM = new UserSummary(new UserId(UUID.randomUUID()), "sam", "Sam Lee", null, true);

	final UserNames names = UserNames.of(List.of(ADA, GRACE, SAM));

	@Test
	void aUserIsFoundByLoginEmailIdOrDisplayNameWithoutCaseOrSurroundingSpaces() {
		assertThat(names.find(" ADA ").user()).isEqualTo(ADA);
		assertThat(names.find("Ada@Example.com").user()).isEqualTo(ADA);
		assertThat(names.find(ADA.id().value().toString().toUpperCase()).user()).isEqualTo(ADA);
		assertThat(names.find("ada lovelace").user()).isEqualTo(ADA);
	}

	@Test
	void aDisplayNameThatSeveralUsersShareNamesNoneOfThemButTheirLoginsDo() {
		assertThat(names.find("Sam Lee").user()).isNull();
		assertThat(names.find("Sam Lee").ambiguous()).isTrue();
		assertThat(names.find("sam").user()).isEqualTo(SAM);
	}

	@Test
	void anUnknownOrEmptyNameFindsNobody() {
		assertThat(names.find("nobody").user()).isNull();
		assertThat(names.find("nobody").ambiguous()).isFalse();
		assertThat(names.find(" ").user()).isNull();
	}
}
