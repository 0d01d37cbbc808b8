package org.rapport.integration.internal;

/** What an import does with a row that matches a record already there. */
public enum DuplicateMode {
	SKIP, UPDATE, CREATE
}
