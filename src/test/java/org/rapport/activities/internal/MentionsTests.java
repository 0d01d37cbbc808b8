package org.rapport.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTests {

	@Test
	void aMentionIsAnAtSignAndAUserNameInTheTextOfTheNote() {
		assertThat(Mentions.in("<p>Ask <b>@Maria</b> and @tom.baker, then @li.</p>"))
			.containsExactly("maria", "tom.baker", "li");
	}

	@Test
	void anEmailAddressOrAWordWithAnAtSignInsideIsNoMention() {
		assertThat(Mentions.in("<p>Write to ann@example.com or sales@acme.io; a@b is no one</p>")).isEmpty();
	}

	@Test
	void eachNameCountsOnceAndTagsOrEntitiesDoNotMakeOne() {
		assertThat(Mentions.in("<p>@james said &amp;@james again</p><p>@james</p>")).containsExactly("james");
		assertThat(Mentions.in(null)).isEmpty();
		assertThat(Mentions.in("  ")).isEmpty();
	}

	@Test
	void chineseNamesAreMentionsToo() {
		assertThat(Mentions.in("<p>请 @李伟 跟进</p>")).containsExactly("李伟");
	}
}
