/**
 * The global search: one index over the kinds of record that other modules describe as
 * {@link org.rapport.search.SearchableKind} beans, queried by entity name with the visibility rule in the query, and
 * the commands that rebuild it. The search names no module's entities or fields but through those descriptions, and
 * hears of records written in bulk through events that implement {@link org.rapport.search.RecordsWrittenInBulk}.
 * <p>
 * A described entity indexes the fields its description names, with the analyzers {@code name},
 * {@code name_prefix}, {@code name_query} and {@code phone} and the normalizer {@code lowercase} that
 * {@link org.rapport.search.internal.SearchAnalysis} defines (see {@link org.rapport.search.SearchField.Match}), and the
 * keyword fields {@code kind} (its code, aggregable), {@code ownerId} and {@code teamId}; the last two
 * {@link org.rapport.search.internal.VisibilityFields} maps for every business record.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "web" })
package org.rapport.search;

import org.springframework.modulith.ApplicationModule;
