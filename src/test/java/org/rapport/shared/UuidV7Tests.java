package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Tests {

	@Test
	void idsAreVersionSevenWithTheRfcVariant() {
		UUID id = UuidV7.next();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void idsCarryTheirCreationTime() {
		long before = System.currentTimeMillis();
		UUID id = UuidV7.next();
		long after = System.currentTimeMillis();
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

	@Test
	void idsMadeOneAfterAnotherSortInThatOrderAlsoWithinOneMillisecond() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(UuidV7.next().toString());
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}
}
