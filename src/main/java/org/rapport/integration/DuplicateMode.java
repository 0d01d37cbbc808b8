package org.rapport.integration;

/** What an import does with a row that matches a record already there. */
public enum DuplicateMode {
	SKIP, UPDATE, CREATE
}
