package org.rapport.sales.web;

import org.rapport.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue, orders and contracts add to the shell: their menu entries.
 */
@Configuration(proxyBeanMethods = false)
class CommerceShell {

	@Bean
	static MenuEntry productsMenu() {
		return MenuEntry.of("nav.products", "/products", "box-seam", 60);
	}

	@Bean
	static MenuEntry ordersMenu() {
		return MenuEntry.of("nav.orders", "/orders", "receipt", 70);
	}

	@Bean
	static MenuEntry contractsMenu() {
		return MenuEntry.of("nav.contracts", "/contracts", "file-earmark-text", 80);
	}
}
