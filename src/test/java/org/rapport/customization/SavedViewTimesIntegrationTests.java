package org.rapport.customization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.customization.internal.SavedView;
import org.rapport.customization.internal.SavedViewService;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A saved view keeps when it was saved and when it last changed, by the application's clock.
 */
@RapportModuleTest
class SavedViewTimesIntegrationTests {

	static final Instant SAVED = Instant.parse("2026-04-20T08:15:00Z");

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Autowired
	SavedViewService views;

	@BeforeEach
	void stopTheClock() {
		clock.setTo(SAVED);
	}

	@Test
	void aChangedViewKeepsWhenItWasSavedAndTakesTheTimeOfItsChange() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		SavedView saved = views.save(seller, "accounts", TestData.unique("Prospects"), "stage=PROSPECT", false, false);

		clock.advance(Duration.ofDays(2));
		views.change(seller, saved.getId(), saved.getVersion(), saved.getName(), "stage=NEW", true, true);

		SavedView changed = views.visible(seller, "accounts").stream()
			.filter(view -> view.getId().equals(saved.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(changed.getQuery()).isEqualTo("stage=NEW");
		assertThat(changed.getCreatedAt()).isEqualTo(SAVED);
		assertThat(changed.getUpdatedAt()).isEqualTo(SAVED.plus(Duration.ofDays(2)));
	}
}
