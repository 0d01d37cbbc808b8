/**
 * Campaigns: the aggregate with its rules, the book that lists, opens and changes them within what a user may see,
 * and the figures rolled up over a campaign's descendants.
 */
package org.rapport.marketing.internal;
