/**
 * Sales orders with their lines and numbers, including the orders made from won opportunities.
 */
package org.rapport.sales.orders.internal;
