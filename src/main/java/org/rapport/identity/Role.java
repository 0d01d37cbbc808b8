package org.rapport.identity;

/**
 * What a user does in the company; decides the menus they get and, through {@link VisibilityScope}, which
 * records they see.
 */
public enum Role {
	ADMIN, MANAGER, SALES, SUPPORT, MARKETING,
	/** Runs the analytics models on the CRM's data and on uploaded files. */
	ANALYST;

	public String authority() {
		return "ROLE_" + name();
	}
}
