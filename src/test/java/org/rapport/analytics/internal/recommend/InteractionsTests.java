package org.rapport.analytics.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InteractionsTests {

	@Test
	void usersAndItemsAreNumberedInTheOrderTheyFirstAppearAndRepeatedPairsCountOnce() {
		Interactions<String, String> interactions = Interactions.<String, String>builder()
			.add("ann", "tea")
			.add("bob", "cake")
			.add("ann", "cake")
			.add("ann", "tea")
			.add("bob", "cake")
			.build();
		assertThat(interactions.userCount()).isEqualTo(2);
		assertThat(interactions.itemCount()).isEqualTo(2);
		assertThat(interactions.size()).isEqualTo(3);
		assertThat(interactions.indexOfUser("bob")).isEqualTo(1);
		assertThat(interactions.indexOfItem("cake")).isEqualTo(1);
		assertThat(interactions.itemsOf(0)).containsExactly(0, 1);
		assertThat(interactions.itemsOf(1)).containsExactly(1);
		assertThat(interactions.usersOf(1)).containsExactly(0, 1);
		assertThat(interactions.userCountOf(0)).isEqualTo(1);
		assertThat(interactions.has(1, 0)).isFalse();
		assertThat(interactions.indexOfUser("carl")).isEqualTo(-1);
	}

	@Test
	void idsOfAccountsAndProductsServeAsWellAsText() {
		UUID account = UUID.fromString("0190a3c2-0000-7000-8000-000000000001");
		UUID product = UUID.fromString("0190a3c2-0000-7000-8000-000000000002");
		Interactions<UUID, UUID> interactions = Interactions.of(List.of(Interaction.of(account, product)));
		assertThat(interactions.user(0)).isEqualTo(account);
		assertThat(interactions.item(0)).isEqualTo(product);
	}
}
