/**
 * Accounts and contacts: the customers a company sells to and serves, and where each stands in its lifecycle.
 */
package org.rapport.customers;
