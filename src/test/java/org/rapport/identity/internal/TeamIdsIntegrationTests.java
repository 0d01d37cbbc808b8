package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team gets its id from Hibernate's version-7 generator when it is saved, in the order of saving.
 */
@RapportModuleTest
class TeamIdsIntegrationTests {

	@Autowired
	Teams teams;

	@Autowired
	java.time.Clock clock;

	@Test
	void aSavedTeamGetsATimeOrderedVersionSevenIdAndTheNextTeamALargerOne() {
		Team first = new Team(TestData.unique("First"), java.time.Instant.now(clock));
		Team second = new Team(TestData.unique("Second"), java.time.Instant.now(clock));
		assertThat(first.getId()).as("no id before it is saved").isNull();

		teams.saveAndFlush(first);
		teams.saveAndFlush(second);

		assertThat(first.getId().version()).isEqualTo(7);
		assertThat(first.getId().variant()).isEqualTo(2);
		assertThat(second.getId().version()).isEqualTo(7);
		assertThat(first.getId().toString()).isLessThan(second.getId().toString());
		assertThat(teams.findById(first.getId())).map(Team::getName).contains(first.getName());
	}
}
