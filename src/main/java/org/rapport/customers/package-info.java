/**
 * Accounts and contacts: the customers a company sells to and serves, and where each stands in its lifecycle. It also
 * owns duplicates and merges: the merge kit here ({@link org.rapport.customers.MergeFields},
 * {@link org.rapport.customers.MergeCheck}, {@link org.rapport.customers.MergeLog}...) and the merge pages of its web
 * package, which other modules that merge their records reuse through the named interface {@code merge-pages}.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "web", "search", "integration",
		"integration :: bulk" })
package org.rapport.customers;

import org.springframework.modulith.ApplicationModule;
