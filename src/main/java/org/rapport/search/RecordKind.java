package org.rapport.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record the global search finds, each with the name of its entity in the index, the page that
 * shows one and its icon.
 */
public enum RecordKind {

	ACCOUNT("account", "Account", "/accounts/", "building"),
	CONTACT("contact", "Contact", "/contacts/", "person"),
	LEAD("lead", "Lead", "/leads/", "funnel"),
	OPPORTUNITY("opportunity", "Opportunity", "/opportunities/", "trophy"),
	PRODUCT("product", "Product", "/products/", "box-seam"),
	ORDER("order", "SalesOrder", "/orders/", "receipt"),
	CONTRACT("contract", "Contract", "/contracts/", "file-earmark-text");

	private final String code;
	private final String entityName;
	private final String pathPrefix;
	private final String icon;

	RecordKind(String code, String entityName, String pathPrefix, String icon) {
		this.code = code;
		this.entityName = entityName;
		this.pathPrefix = pathPrefix;
		this.icon = icon;
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

	/** The bootstrap-icons name the menu uses for this kind too. */
	public String icon() {
		return icon;
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
