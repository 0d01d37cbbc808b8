package org.rapport.sales.orders.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.ProductId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The rules of changing an order, which its form, the API and imports share: the account and currency stay as made,
 * lines are priced from their products, the external id stays free, and only a draft changes. Throws what it refuses
 * without taking part in a transaction of its own, so that an import can refuse one order and go on with the next.
 */
@Component
class OrderRevision {

	private final SalesOrders orders;
	private final Products products;

	OrderRevision(SalesOrders orders, Products products) {
		this.orders = orders;
		this.products = products;
	}

	/** Gives the order the date, notes, lines and external id of the details, as its form changes them. */
	void revise(Actor actor, SalesOrder order, OrderDetails details) {
		if (details.accountId() != null && !details.accountId().equals(order.getAccountId())) {
			throw new InvalidField("accountId", "validation.order.account.fixed",
					"An order stays with the account it was made for");
		}
		if (details.currency() != null && !details.currency().isBlank()
				&& !details.currency().strip().equalsIgnoreCase(order.getCurrency())) {
			throw new InvalidField("currency", "validation.order.currency.fixed",
					"An order keeps the currency it was made in");
		}
		List<SalesOrder.Line> lines = lines(details, order.getCurrency());
		requireFreeExternalId(actor, details.externalId(), order.getId());
		order.revise(details.orderDate(), details.notes(), lines);
		order.identify(details.externalId());
	}

	/** Refuses an external id that another order holds, as imports refuse it. */
	void requireFreeExternalId(Actor actor, String externalId, UUID self) {
		ExternalIds.requireFree(externalId, self, orders::findByExternalId,
				other -> actor.canSee(new UserId(other.getOwnerId()),
						other.getTeamId() == null ? null : new TeamId(other.getTeamId())));
	}

	/** The lines of the details priced in the currency: a line without a price takes its product's. */
	List<SalesOrder.Line> lines(OrderDetails details, String currency) {
		List<SalesOrder.Line> lines = new ArrayList<>();
		for (int i = 0; i < details.lines().size(); i++) {
			OrderDetails.LineDetails line = details.lines().get(i);
			String field = "lines[" + i + "]";
			Product product = line.productId() == null ? null : products.findById(line.productId()).orElse(null);
			if (product == null) {
				throw new InvalidField(field + ".productId", "validation.product.unknown", "No product with this id");
			}
			if (line.quantity() == null || line.quantity().signum() <= 0) {
				throw new InvalidField(field + ".quantity", "validation.quantity", "The quantity must be above zero");
			}
			Money price;
			if (line.unitPrice() == null) {
				if (!product.getUnitPrice().currency().equals(currency)) {
					throw new InvalidField(field + ".unitPrice", "validation.order.price.currency",
							"The product is priced in " + product.getUnitPrice().currency() + "; give a price in "
									+ currency);
				}
				price = product.getUnitPrice();
			}
			else {
				if (line.unitPrice().signum() < 0) {
					throw new InvalidField(field + ".unitPrice", "validation.price", "A price cannot be negative");
				}
				price = new Money(line.unitPrice(), currency);
			}
			lines.add(new SalesOrder.Line(new ProductId(product.getId()), line.quantity(), price));
		}
		return lines;
	}
}
