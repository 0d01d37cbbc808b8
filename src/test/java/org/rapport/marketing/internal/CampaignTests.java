package org.rapport.marketing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.identity.UserId;
import org.rapport.shared.InvalidField;

class CampaignTests {

	static final LocalDate START = LocalDate.of(2026, 3, 1);

	static CampaignDetails details() {
		return new CampaignDetails("  Spring launch  ", CampaignType.EMAIL, CampaignStatus.PLANNED, START,
				START.plusDays(30), "eur", new BigDecimal("1000"), null, new BigDecimal("5000"), " ", null, null,
				null);
	}

	static Campaign campaign(CampaignStatus status) {
		return Campaign.plan(Campaign.terms(details()), status, new UserId(UUID.randomUUID()), null);
	}

	static String refusedField(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidField invalid) {
			return invalid.field();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void theNameIsTrimmedTheCurrencyUpperCasedAndABlankDescriptionIsNone() {
		Campaign campaign = campaign(CampaignStatus.PLANNED);
		assertThat(campaign.getName()).isEqualTo("Spring launch");
		assertThat(campaign.getCurrency()).isEqualTo("EUR");
		assertThat(campaign.getBudget().amount()).isEqualByComparingTo("1000.00");
		assertThat(campaign.getActualCost()).isNull();
		assertThat(campaign.getExpectedRevenue().currency()).isEqualTo("EUR");
		assertThat(campaign.getDescription()).isNull();
	}

	@Test
	void aNameIsRequiredAndAtMost200Characters() {
		assertThat(refusedField(() -> Campaign.terms(with(details(), "   ", null)))).isEqualTo("name");
		assertThat(refusedField(() -> Campaign.terms(with(details(), "x".repeat(201), null)))).isEqualTo("name");
		assertThat(Campaign.terms(with(details(), "x".repeat(200), null)).name()).hasSize(200);
	}

	@Test
	void aCampaignEndsOnOrAfterItsStart() {
		CampaignDetails d = details();
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START,
				START.minusDays(1), d.currency(), d.budget(), null, null, null, null, null, null))))
			.isEqualTo("endDate");
		assertThat(Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START, START, d.currency(),
				d.budget(), null, null, null, null, null, null)).endDate()).isEqualTo(START);
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), null,
				START, d.currency(), d.budget(), null, null, null, null, null, null)))).isEqualTo("startDate");
	}

	@Test
	void amountsAreNotNegativeNorBeyondTheLimitAndTheCurrencyIsAnIsoCode() {
		CampaignDetails d = details();
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START,
				START, d.currency(), new BigDecimal("-1"), null, null, null, null, null, null)))).isEqualTo("budget");
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START,
				START, d.currency(), null, null, null, null, null, null, null)))).isEqualTo("budget");
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START,
				START, d.currency(), BigDecimal.ONE, new BigDecimal("-0.01"), null, null, null, null, null))))
			.isEqualTo("actualCost");
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START,
				START, d.currency(), BigDecimal.ONE, null, new BigDecimal("10000000000000"), null, null, null,
				null)))).isEqualTo("expectedRevenue");
		assertThat(refusedField(() -> Campaign.terms(new CampaignDetails(d.name(), d.type(), d.status(), START,
				START, "QQQ", BigDecimal.ONE, null, null, null, null, null, null)))).isEqualTo("currency");
	}

	@Test
	void aPlannedCampaignStartsOrIsAbortedAndARunningOneCompletesOrIsAborted() {
		Campaign campaign = campaign(CampaignStatus.PLANNED);
		campaign.moveTo(CampaignStatus.PLANNED);
		campaign.moveTo(CampaignStatus.ACTIVE);
		campaign.moveTo(CampaignStatus.COMPLETED);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.COMPLETED);
		Campaign aborted = campaign(CampaignStatus.PLANNED);
		aborted.moveTo(CampaignStatus.ABORTED);
		assertThat(aborted.getStatus()).isEqualTo(CampaignStatus.ABORTED);
	}

	@Test
	void aCompletedOrAbortedCampaignMovesNoMoreAndAPlannedOneDoesNotCompleteWithoutRunning() {
		for (CampaignStatus over : List.of(CampaignStatus.COMPLETED, CampaignStatus.ABORTED)) {
			for (CampaignStatus target : CampaignStatus.values()) {
				if (target != over) {
					assertThat(refusedField(() -> campaign(over).moveTo(target))).isEqualTo("status");
				}
			}
		}
		assertThat(refusedField(() -> campaign(CampaignStatus.PLANNED).moveTo(CampaignStatus.COMPLETED)))
			.isEqualTo("status");
		assertThat(refusedField(() -> campaign(CampaignStatus.ACTIVE).moveTo(CampaignStatus.PLANNED)))
			.isEqualTo("status");
	}

	@Test
	void aCampaignIsNeverItsOwnAncestor() {
		Campaign campaign = campaign(CampaignStatus.PLANNED);
		UUID grandParent = UUID.randomUUID();
		assertThat(refusedField(() -> campaign.placeUnder(List.of(campaign.getId()), 0))).isEqualTo("parentId");
		assertThat(refusedField(() -> campaign.placeUnder(List.of(UUID.randomUUID(), campaign.getId(), grandParent),
				1))).isEqualTo("parentId");
		UUID parent = UUID.randomUUID();
		campaign.placeUnder(List.of(parent, grandParent), 0);
		assertThat(campaign.getParentId()).isEqualTo(parent);
		campaign.placeUnder(List.of(), 0);
		assertThat(campaign.getParentId()).isNull();
	}

	@Test
	void aHierarchyIsAtMostFiveLevelsDeepCountingTheLevelsBelow() {
		Campaign campaign = campaign(CampaignStatus.PLANNED);
		List<UUID> fourLevels = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		campaign.placeUnder(fourLevels, 0);
		assertThat(campaign.getParentId()).isEqualTo(fourLevels.get(0));
		assertThat(refusedField(() -> campaign.placeUnder(fourLevels, 1))).isEqualTo("parentId");
		assertThat(refusedField(() -> campaign.placeUnder(List.of(UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID()), 2))).isEqualTo("parentId");
	}

	@Test
	void aNewCampaignNeedsAStatus() {
		assertThatThrownBy(() -> Campaign.plan(Campaign.terms(details()), null, new UserId(UUID.randomUUID()), null))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("status"));
	}

	private static CampaignDetails with(CampaignDetails d, String name, String description) {
		return new CampaignDetails(name, d.type(), d.status(), d.startDate(), d.endDate(), d.currency(), d.budget(),
				d.actualCost(), d.expectedRevenue(), description, d.parentId(), d.owner(), d.team());
	}
}
