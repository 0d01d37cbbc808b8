package org.rapport.sales.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountId;
import org.rapport.identity.UserId;
import org.rapport.sales.ContractActivated;
import org.rapport.shared.Money;
import org.rapport.shared.RuleBroken;
import org.springframework.test.util.ReflectionTestUtils;

class ContractTests {

	static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
	static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

	static Contract contract(LocalDate start, LocalDate end, boolean autoRenew, LocalDate today) {
		return Contract.agree("CTR-000001", new AccountId(UUID.randomUUID()), null,
				new Contract.Terms(start, end, Money.of("1200", "EUR"), autoRenew, 30, null),
				new UserId(UUID.randomUUID()), null, today);
	}

	@SuppressWarnings("unchecked")
	static java.util.Collection<Object> events(Contract contract) {
		return (java.util.Collection<Object>) ReflectionTestUtils.invokeMethod(contract, "domainEvents");
	}

	@Test
	void aContractStartingLaterIsADraftUntilItsStartDate() {
		Contract contract = contract(JAN_1, DEC_31, false, LocalDate.of(2025, 12, 1));
		assertThat(contract.getStatus()).isEqualTo(ContractStatus.DRAFT);
		assertThat(contract.followCalendar(LocalDate.of(2025, 12, 31))).isFalse();
		assertThat(contract.followCalendar(JAN_1)).isTrue();
		assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(events(contract)).singleElement().isInstanceOf(ContractActivated.class);
	}

	@Test
	void aRunningContractExpiresTheDayAfterItsEndDate() {
		Contract contract = contract(JAN_1, DEC_31, false, JAN_1);
		assertThat(contract.followCalendar(DEC_31)).isFalse();
		assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(contract.followCalendar(DEC_31.plusDays(1))).isTrue();
		assertThat(contract.getStatus()).isEqualTo(ContractStatus.EXPIRED);
	}

	@Test
	void aContractAgreedAfterItsPeriodIsExpiredAtOnceWithoutAnnouncingAStart() {
		Contract past = contract(JAN_1, DEC_31, false, LocalDate.of(2027, 2, 1));
		assertThat(past.getStatus()).isEqualTo(ContractStatus.EXPIRED);
		assertThat(events(past)).isEmpty();
	}

	@Test
	void renewingMakesTheNextPeriodOfTheSameLengthAndValueAndLinksBoth() {
		Contract year = contract(JAN_1, DEC_31, true, LocalDate.of(2026, 6, 1));
		Contract next = year.renew("CTR-000002", LocalDate.of(2026, 6, 1));
		assertThat(next.getStartDate()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(next.getEndDate()).isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(next.getValue()).isEqualTo(Money.of("1200", "EUR"));
		assertThat(next.isAutoRenew()).isTrue();
		assertThat(next.getStatus()).isEqualTo(ContractStatus.DRAFT);
		assertThat(year.getRenewedToId()).isEqualTo(next.getId());
		assertThat(next.getRenewedFromId()).isEqualTo(year.getId());
	}

	@Test
	void aContractRenewedBeforeItsEndRunsToItsEndAndItsRenewalStartsTheDayAfter() {
		Contract year = contract(JAN_1, DEC_31, false, JAN_1);
		Contract next = year.renew("CTR-000002", LocalDate.of(2026, 11, 15));
		assertThat(year.getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(next.getStatus()).isEqualTo(ContractStatus.DRAFT);

		assertThat(year.followCalendar(DEC_31)).isFalse();
		assertThat(next.followCalendar(DEC_31)).isFalse();
		assertThat(year.getStatus()).isEqualTo(ContractStatus.ACTIVE);

		LocalDate jan1st2027 = DEC_31.plusDays(1);
		assertThat(year.followCalendar(jan1st2027)).isTrue();
		assertThat(next.followCalendar(jan1st2027)).isTrue();
		assertThat(year.getStatus()).isEqualTo(ContractStatus.RENEWED);
		assertThat(next.getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(events(next)).singleElement().isInstanceOf(ContractActivated.class);
	}

	@Test
	void aContractRenewedWhileItRunsIsNoLongerDueForRenewalNorRenewableNorMovesItsEnd() {
		Contract year = contract(JAN_1, DEC_31, true, JAN_1);
		year.renew("CTR-000002", LocalDate.of(2026, 12, 1));
		assertThat(year.isRenewable()).isFalse();
		assertThat(year.isDueForRenewal(DEC_31.plusDays(1))).isFalse();
		assertThatThrownBy(() -> year.renew("CTR-000003", LocalDate.of(2026, 12, 2)))
			.isInstanceOf(RuleBroken.class);
		assertThatThrownBy(() -> year.revise(new Contract.Terms(JAN_1, LocalDate.of(2027, 3, 31),
				Money.of("1200", "EUR"), true, 30, null), LocalDate.of(2026, 12, 2)))
			.isInstanceOf(RuleBroken.class);
	}

	@Test
	void anExpiredContractRenewedLaterIsRenewedAtOnce() {
		Contract year = contract(JAN_1, DEC_31, false, JAN_1);
		year.followCalendar(LocalDate.of(2027, 1, 5));
		year.renew("CTR-000002", LocalDate.of(2027, 1, 5));
		assertThat(year.getStatus()).isEqualTo(ContractStatus.RENEWED);
	}

	@Test
	void aRenewalWhosePeriodHasBegunIsActiveAtOnce() {
		Contract quarter = contract(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), false, JAN_1);
		quarter.followCalendar(LocalDate.of(2026, 4, 2));
		Contract next = quarter.renew("CTR-000003", LocalDate.of(2026, 4, 2));
		assertThat(next.getStartDate()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(next.getEndDate()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(next.getStatus()).isEqualTo(ContractStatus.ACTIVE);
	}

	@Test
	void onlyRunningOrExpiredContractsRenewAndOnlyOnce() {
		Contract draft = contract(JAN_1, DEC_31, false, LocalDate.of(2025, 1, 1));
		assertThatThrownBy(() -> draft.renew("X", LocalDate.of(2025, 1, 1))).isInstanceOf(RuleBroken.class);
		Contract running = contract(JAN_1, DEC_31, false, JAN_1);
		running.renew("CTR-000004", JAN_1);
		assertThatThrownBy(() -> running.renew("CTR-000005", JAN_1)).isInstanceOf(RuleBroken.class);
	}

	@Test
	void anAutoRenewingContractIsDueForRenewalOnceItsEndHasPassed() {
		Contract contract = contract(JAN_1, DEC_31, true, JAN_1);
		assertThat(contract.isDueForRenewal(DEC_31)).isFalse();
		assertThat(contract.isDueForRenewal(DEC_31.plusDays(1))).isTrue();
		assertThat(contract(JAN_1, DEC_31, false, JAN_1).isDueForRenewal(DEC_31.plusDays(1))).isFalse();
	}

	@Test
	void theNoticeDateIsTheNoticePeriodBeforeTheEnd() {
		assertThat(contract(JAN_1, DEC_31, false, JAN_1).getNoticeDate()).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	@Test
	void aContractCannotEndBeforeItStarts() {
		assertThatThrownBy(() -> contract(DEC_31, JAN_1, false, JAN_1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTerminatedContractNoLongerChanges() {
		Contract contract = contract(JAN_1, DEC_31, false, JAN_1);
		contract.terminate();
		assertThat(contract.getStatus()).isEqualTo(ContractStatus.TERMINATED);
		assertThat(contract.followCalendar(LocalDate.of(2027, 6, 1))).isFalse();
		assertThatThrownBy(contract::terminate).isInstanceOf(RuleBroken.class);
	}
}
