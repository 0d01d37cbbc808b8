/**
 * The rules that move an account's lifecycle stage from what it bought and the contracts it holds.
 */
package org.rapport.sales.lifecycle.internal;
