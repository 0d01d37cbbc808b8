package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

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
	void idsCarryTheirCreationTimeAndSortByIt() {
		UUID earlier = UuidV7.at(1_700_000_000_000L);
		UUID later = UuidV7.at(1_700_000_000_001L);
		assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_000L);
		assertThat(earlier.toString()).isLessThan(later.toString());
	}

	@Test
	void idsMadeInTheSameMillisecondDiffer() {
		assertThat(UuidV7.at(42)).isNotEqualTo(UuidV7.at(42));
	}
}
