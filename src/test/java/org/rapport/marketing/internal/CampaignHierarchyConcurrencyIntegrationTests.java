package org.rapport.marketing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.shared.InvalidField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two users place two campaigns under each other at the same moment: the second move waits for the first to commit,
 * then sees it and is refused, so that the hierarchy never loops.
 */
@RapportTest
class CampaignHierarchyConcurrencyIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CampaignBook book;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void twoCampaignsPlacedUnderEachOtherAtOnceDoNotMakeALoop() throws Exception {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		Campaign first = book.create(admin, details(TestData.unique("First"), null));
		Campaign second = book.create(admin, details(TestData.unique("Second"), null));
		CountDownLatch firstMoved = new CountDownLatch(1);
		CountDownLatch secondAsked = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		// the first move is made and held uncommitted until the second has been asked for
		CompletableFuture<Void> firstUnderSecond = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(
				status -> {
					book.update(admin, first.getId(), first.getVersion(), details(first.getName(), second.getId()));
					firstMoved.countDown();
					await(secondAsked);
					sleep(300);
				}));
		assertThat(firstMoved.await(20, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Throwable> secondUnderFirst = CompletableFuture.supplyAsync(() -> {
			secondAsked.countDown();
			try {
				book.update(admin, second.getId(), second.getVersion(), details(second.getName(), first.getId()));
				return null;
			}
			catch (RuntimeException refused) {
				return refused;
			}
		});
		firstUnderSecond.get(30, TimeUnit.SECONDS);
		Throwable refusal = secondUnderFirst.get(30, TimeUnit.SECONDS);

		assertThat(refusal).as("the second move sees the first and is refused").isInstanceOf(InvalidField.class);
		assertThat(((InvalidField) refusal).field()).isEqualTo("parentId");
		assertThat(book.get(admin, first.getId()).getParentId()).isEqualTo(second.getId());
		assertThat(book.get(admin, second.getId()).getParentId()).isNull();
	}

	private static CampaignDetails details(String name, UUID parent) {
		return new CampaignDetails(name, CampaignType.EVENT, CampaignStatus.PLANNED, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 31), "EUR", new BigDecimal("100"), null, null, null, parent, null, null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
