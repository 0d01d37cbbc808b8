/**
 * Accounts and contacts: the customers a company sells to and serves, and where each stands in its lifecycle.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "web", "search", "integration",
		"integration :: bulk" })
package org.rapport.customers;

import org.springframework.modulith.ApplicationModule;
