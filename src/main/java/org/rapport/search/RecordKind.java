package org.rapport.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record the global search finds, each with the name of its entity in the index and the page
 * that shows one.
 */
public enum RecordKind {

	ACCOUNT("account", "Account", "/accounts/"),
	CONTACT("contact", "Contact", "/contacts/"),
	LEAD("lead", "Lead", "/leads/"),
	OPPORTUNITY("opportunity", "Opportunity", "/opportunities/"),
	PRODUCT("product", "Product", "/products/"),
	ORDER("order", "SalesOrder", "/orders/"),
	CONTRACT("contract", "Contract", "/contracts/");

	private final String code;
	private final String entityName;
	private final String pathPrefix;

	RecordKind(String code, String entityName, String pathPrefix) {
		this.code = code;
		this.entityName = entityName;
		this.pathPrefix = pathPrefix;
	}

	/** The kind's name in URLs, the API and the index ({@code account}, {@code order}...). */
	public String code() {
		return code;
	}

	public String entityName() {
		return entityName;
	}

	public String pathPrefix() {
		return pathPrefix;
	}

	public static Optional<RecordKind> ofCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(kind -> kind.code.equals(wanted)).findFirst();
	}

	public static Optional<RecordKind> ofEntityName(String entityName) {
		return Arrays.stream(values()).filter(kind -> kind.entityName.equals(entityName)).findFirst();
	}
}
