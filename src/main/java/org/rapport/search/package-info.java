/**
 * The global search: one index over accounts, contacts, leads, opportunities, products, orders and contracts,
 * queried by entity name with the visibility rule in the query, and the commands that rebuild it.
 * <p>
 * The indexed entities stay in their own modules and declare the fields this module reads: {@code name} (with
 * {@code name_prefix}), {@code email}, {@code phone} (with {@code phone_prefix}), {@code company} (with
 * {@code company_prefix}), {@code number}, {@code accountId}, {@code kind}, {@code ownerId} and {@code teamId},
 * using the analyzers {@code name}, {@code name_prefix}, {@code name_query} and {@code phone} and the normalizer
 * {@code lowercase} that {@link org.rapport.search.internal.SearchAnalysis} defines.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "web", "customers", "sales" })
package org.rapport.search;

import org.springframework.modulith.ApplicationModule;
