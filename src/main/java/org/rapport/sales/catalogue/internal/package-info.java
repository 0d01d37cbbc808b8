/**
 * The product catalogue: the products that opportunities and orders are priced from.
 */
package org.rapport.sales.catalogue.internal;
