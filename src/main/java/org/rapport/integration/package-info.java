/**
 * Moving records in and out in bulk: CSV imports with their files, mappings, jobs, checkpoints, rejected rows,
 * resume and undo, custom fields included, into every kind of record a module declares as an
 * {@link org.rapport.integration.ImportableKind}; and the bulk writer those kinds write with.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "web" })
package org.rapport.integration;

import org.springframework.modulith.ApplicationModule;
