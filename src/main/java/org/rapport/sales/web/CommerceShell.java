package org.rapport.sales.web;

import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue, orders and contracts add to the shell: their menu entries.
 */
@Configuration(proxyBeanMethods = false)
class CommerceShell {

	/** Products are in the sales menu, since sellers pick them for opportunities, orders and contracts. */
	@Bean
	static MenuEntry productsMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.products", "/products", "box-seam", 60);
	}

	/** Orders are in the sales menu, since they are what a won deal turns into. */
	@Bean
	static MenuEntry ordersMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.orders", "/orders", "receipt", 70);
	}

	/** Contracts are in the sales menu, since sellers renew them with the accounts they sell to. */
	@Bean
	static MenuEntry contractsMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.contracts", "/contracts", "file-earmark-text", 80);
	}
}
