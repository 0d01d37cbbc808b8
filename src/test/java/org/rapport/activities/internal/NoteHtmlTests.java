package org.rapport.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteHtmlTests {

	@Test
	void scriptsEventHandlersAndJavascriptLinksAreTakenOut() {
		String safe = NoteHtml.sanitise("<p onclick=\"steal()\">Hi <img src=x onerror=alert(1)><script>alert(1)</script>"
				+ "<a href=\"javascript:alert(1)\">x</a> <a href=\"https://example.com\">site</a></p>");
		assertThat(safe).doesNotContain("script", "onerror", "onclick", "javascript:", "<img")
			.contains("<a href=\"https://example.com\" rel=\"nofollow\">site</a>");
	}

	@Test
	void formattingListsAndLineBreaksStay() {
		assertThat(NoteHtml.sanitise("<p><b>Budget</b> <i>approved</i></p><ul><li>one</li></ul>line<br>two"))
			.isEqualTo("<p><b>Budget</b> <i>approved</i></p><ul><li>one</li></ul>line<br />two");
	}

	@Test
	void nothingButBlanksOrUnsafeMarkupIsNoNote() {
		assertThat(NoteHtml.sanitise("   ")).isNull();
		assertThat(NoteHtml.sanitise("<script>alert(1)</script>")).isNull();
	}

	@Test
	void typedTextIsEscapedKeepsItsLinesAndReadsBackTheSame() {
		String typed = "Met <Ann> & Bob\r\n\"quotes\" @maria";
		String html = NoteHtml.fromText(typed);
		assertThat(html).doesNotContain("<Ann>").contains("<br />");
		assertThat(NoteHtml.toText(html)).isEqualTo("Met <Ann> & Bob\n\"quotes\" @maria");
	}
}
