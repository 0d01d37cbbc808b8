package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A customer's reply keeps what they wrote and leaves out the quote of the conversation before it. */
class InboundTests {

	@Test
	void theQuoteOfCommonMailClientsIsLeftOut() {
		assertThat(Inbound.withoutQuote("Done, it works now.\n\nOn Mon, 7 Dec 2026 at 10:00, Desk <desk@service.example> wrote:\n> Please hold the button.\n"))
			.isEqualTo("Done, it works now.");
		assertThat(Inbound.withoutQuote("Works.\n\nOn Mon, 7 Dec 2026 at 10:00, Rapport Service Desk\n<desk@service.example> wrote:\n> Hold it.\n"))
			.isEqualTo("Works.");
		assertThat(Inbound.withoutQuote("Thanks!\n\n-----Original Message-----\nFrom: Desk\nSent: Monday\n\nHold it."))
			.isEqualTo("Thanks!");
		assertThat(Inbound.withoutQuote("Danke!\n\nAm 07.12.2026 um 10:00 schrieb Desk <desk@service.example>:\n> Halten"))
			.isEqualTo("Danke!");
		assertThat(Inbound.withoutQuote("好的，已经解决。\n\n在 2026年12月7日 10:00，Desk 写道：\n> 请按住按钮"))
			.isEqualTo("好的，已经解决。");
		assertThat(Inbound.withoutQuote("Fine.\n\nFrom: Desk <desk@service.example>\nSent: Monday, 7 December 2026\nTo: me"))
			.isEqualTo("Fine.");
	}

	@Test
	void aReplyThatIsAllQuoteOrHasNoneStaysWhole() {
		assertThat(Inbound.withoutQuote("> only a quote\n> of the message")).isEqualTo("> only a quote\n> of the message");
		assertThat(Inbound.withoutQuote("No quote here.\nFrom the warehouse: all fine.")).isEqualTo(
				"No quote here.\nFrom the warehouse: all fine.");
	}
}
