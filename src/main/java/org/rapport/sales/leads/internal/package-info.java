/**
 * Leads: their rating and status, the owner of the public web form's leads, the merging of duplicates, and the
 * conversion of a lead into an account, contact and opportunity.
 */
package org.rapport.sales.leads.internal;
