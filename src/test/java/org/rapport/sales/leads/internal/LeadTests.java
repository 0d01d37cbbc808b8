package org.rapport.sales.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSource;
import org.rapport.customers.ContactId;
import org.rapport.identity.UserId;
import org.rapport.sales.LeadConverted;
import org.rapport.sales.OpportunityId;
import org.springframework.test.util.ReflectionTestUtils;

class LeadTests {

	static final UserId OWNER = new UserId(UUID.randomUUID());
	static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
	static final ContactId CONTACT = new ContactId(UUID.randomUUID());
	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	static Lead aLead() {
		return Lead.capture(new LeadDetails(" Ada ", "Lovelace", "Analytical Engines", "Countess",
				"ada@example.com", null, AccountSource.WEBSITE, LeadRating.HOT, "  "), OWNER, null);
	}

	/** The events the lead registered for publication on save. */
	static java.util.Collection<Object> events(Lead lead) {
		return ReflectionTestUtils.invokeMethod(lead, "domainEvents");
	}

	@Test
	void aCapturedLeadIsNewAndTrimsItsFields() {
		Lead lead = aLead();
		assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.getFirstName()).isEqualTo("Ada");
		assertThat(lead.getFullName()).isEqualTo("Ada Lovelace");
		assertThat(lead.getNotes()).isNull();
		assertThat(lead.owner()).isEqualTo(OWNER);
		assertThat(lead.isConvertible()).isFalse();
	}

	@Test
	void aQualifiedLeadConvertsOnceRecordingWhatItBecameAndRegisteringLeadConverted() {
		Lead lead = aLead();
		lead.qualify();
		OpportunityId opportunity = new OpportunityId(UUID.randomUUID());

		lead.convert(ACCOUNT, CONTACT, opportunity, NOW);

		assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONVERTED);
		assertThat(lead.getConvertedAccountId()).isEqualTo(ACCOUNT.value());
		assertThat(lead.getConvertedContactId()).isEqualTo(CONTACT.value());
		assertThat(lead.getConvertedOpportunityId()).isEqualTo(opportunity.value());
		assertThat(lead.getConvertedAt()).isEqualTo(NOW);
		assertThat(events(lead)).containsExactly(
				new LeadConverted(lead.id(), ACCOUNT, CONTACT, opportunity, OWNER, NOW));
	}

	@Test
	void aLeadConvertsWithoutAnOpportunity() {
		Lead lead = aLead();
		lead.qualify();
		lead.convert(ACCOUNT, CONTACT, null, NOW);
		assertThat(lead.getConvertedOpportunityId()).isNull();
		assertThat(lead.isConverted()).isTrue();
	}

	@Test
	void aSecondConversionIsRefused() {
		Lead lead = aLead();
		lead.qualify();
		lead.convert(ACCOUNT, CONTACT, null, NOW);

		assertThatThrownBy(() -> lead.convert(new AccountId(UUID.randomUUID()), CONTACT, null, NOW))
			.isInstanceOf(LeadStatusConflict.class)
			.extracting(e -> ((LeadStatusConflict) e).formMessageKey())
			.isEqualTo("lead.converted.already");
		assertThat(lead.getConvertedAccountId()).isEqualTo(ACCOUNT.value());
		assertThat(events(lead)).hasSize(1);
	}

	@Test
	void onlyAQualifiedLeadConverts() {
		Lead fresh = aLead();
		assertThatThrownBy(() -> fresh.convert(ACCOUNT, CONTACT, null, NOW)).isInstanceOf(LeadStatusConflict.class)
			.extracting(e -> ((LeadStatusConflict) e).formMessageKey())
			.isEqualTo("lead.convert.notQualified");

		Lead contacted = aLead();
		contacted.markContacted();
		assertThatThrownBy(() -> contacted.convert(ACCOUNT, CONTACT, null, NOW))
			.isInstanceOf(LeadStatusConflict.class);

		Lead disqualified = aLead();
		disqualified.disqualify("No budget");
		assertThatThrownBy(() -> disqualified.convert(ACCOUNT, CONTACT, null, NOW))
			.isInstanceOf(LeadStatusConflict.class);
		assertThat(disqualified.getStatus()).isEqualTo(LeadStatus.DISQUALIFIED);
		assertThat(events(disqualified)).isEmpty();
	}

	@Test
	void aLeadConvertedInTheSystemItCameFromIsConvertedWhateverItsStatusAndAnnouncesNothing() {
		Lead disqualified = aLead();
		disqualified.disqualify("No budget");
		OpportunityId opportunity = new OpportunityId(UUID.randomUUID());

		disqualified.markConvertedElsewhere(ACCOUNT, CONTACT, opportunity, NOW);

		assertThat(disqualified.getStatus()).isEqualTo(LeadStatus.CONVERTED);
		assertThat(disqualified.getDisqualifiedReason()).isNull();
		assertThat(disqualified.getConvertedAccountId()).isEqualTo(ACCOUNT.value());
		assertThat(disqualified.getConvertedContactId()).isEqualTo(CONTACT.value());
		assertThat(disqualified.getConvertedOpportunityId()).isEqualTo(opportunity.value());
		assertThat(disqualified.getConvertedAt()).isEqualTo(NOW);
		assertThat(events(disqualified)).isEmpty();

		Lead fresh = aLead();
		fresh.markConvertedElsewhere(ACCOUNT, CONTACT, null, NOW);
		assertThat(fresh.isConverted()).isTrue();
		assertThat(fresh.getConvertedOpportunityId()).isNull();
		assertThat(events(fresh)).isEmpty();
	}

	@Test
	void aLeadConvertedHereIsNotConvertedAgainByAnotherSystem() {
		Lead lead = aLead();
		lead.qualify();
		lead.convert(ACCOUNT, CONTACT, null, NOW);

		assertThatThrownBy(() -> lead.markConvertedElsewhere(new AccountId(UUID.randomUUID()), CONTACT, null, NOW))
			.isInstanceOf(LeadStatusConflict.class);
		assertThat(lead.getConvertedAccountId()).isEqualTo(ACCOUNT.value());
	}

	@Test
	void disqualifyingNeedsAReasonAndQualifyingAgainClearsIt() {
		Lead lead = aLead();
		assertThatThrownBy(() -> lead.disqualify("  ")).isInstanceOf(IllegalArgumentException.class);
		assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);

		lead.disqualify(" Student, no company ");
		assertThat(lead.getDisqualifiedReason()).isEqualTo("Student, no company");

		lead.qualify();
		assertThat(lead.getStatus()).isEqualTo(LeadStatus.QUALIFIED);
		assertThat(lead.getDisqualifiedReason()).isNull();
	}

	@Test
	void aConvertedLeadNoLongerChangesStatusOrFields() {
		Lead lead = aLead();
		lead.qualify();
		lead.convert(ACCOUNT, CONTACT, null, NOW);

		assertThatThrownBy(lead::reopen).isInstanceOf(LeadStatusConflict.class);
		assertThatThrownBy(lead::markContacted).isInstanceOf(LeadStatusConflict.class);
		assertThatThrownBy(() -> lead.disqualify("Changed our mind")).isInstanceOf(LeadStatusConflict.class);
		assertThatThrownBy(() -> lead.revise(new LeadDetails(null, "Other", null, null, null, null, null, null, null),
				OWNER, null))
			.isInstanceOf(LeadStatusConflict.class);
		assertThat(lead.getLastName()).isEqualTo("Lovelace");
		assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONVERTED);
	}
}
