/**
 * Contracts with their calendar: they start, run out, renew and end on the days their terms say.
 */
package org.rapport.sales.contracts.internal;
