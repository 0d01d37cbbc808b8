package org.rapport.customers;

/**
 * Whether an account is a company or a private person.
 */
public enum AccountType {
	COMPANY, PERSON
}
