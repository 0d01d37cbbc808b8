package org.rapport.sales.orders.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SalesOrders extends JpaRepository<SalesOrder, UUID> {

	Optional<SalesOrder> findByOpportunityId(UUID opportunityId);

	/** The order that holds the external id, whoever may see it. */
	Optional<SalesOrder> findByExternalId(String externalId);

	@Query("select o from SalesOrder o where o.accountId = :account order by o.orderDate desc, o.id desc")
	List<SalesOrder> findByAccount(UUID account, Pageable page);

	long countByAccountId(UUID account);

	/** Revenue to date of an account: the totals of its bought orders dated up to the day, per currency. */
	@Query("select o.currency, sum(o.total) from SalesOrder o where o.accountId = :account "
			+ "and o.status in (org.rapport.sales.orders.internal.OrderStatus.CONFIRMED, "
			+ "org.rapport.sales.orders.internal.OrderStatus.FULFILLED) and o.orderDate <= :today "
			+ "group by o.currency order by o.currency")
	List<Object[]> revenueOf(UUID account, java.time.LocalDate today);

	/** Dates of an account's purchases through orders. */
	@Query("select o.orderDate from SalesOrder o where o.accountId = :account "
			+ "and o.status in (org.rapport.sales.orders.internal.OrderStatus.CONFIRMED, "
			+ "org.rapport.sales.orders.internal.OrderStatus.FULFILLED)")
	List<java.time.LocalDate> purchaseDatesOf(UUID account);
}
