/**
 * Moving records in and out in bulk: CSV imports of accounts, contacts, leads, products, opportunities,
 * contracts and orders (one row per order line) with their mappings, jobs, checkpoints, rejected rows, resume and undo, custom fields included.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "web", "customers", "sales" })
package org.rapport.integration;

import org.springframework.modulith.ApplicationModule;
