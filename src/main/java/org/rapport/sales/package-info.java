/**
 * Selling: leads and their conversion, pipelines and their stages, opportunities, the product catalogue, orders
 * and contracts, and the lifecycle stage of accounts that follows from them.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "web", "customers",
		"customers :: merge-pages", "search", "integration", "integration :: bulk" })
package org.rapport.sales;

import org.springframework.modulith.ApplicationModule;
