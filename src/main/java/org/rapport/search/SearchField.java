package org.rapport.search;

import java.util.Objects;

/**
 * A field of a kind's index that the global search reads, and how a typed word matches it.
 *
 * @param name the field's name in the index
 * @param match how a typed word matches it
 * @param refersTo for a {@link Match#REFERENCE}, the code of the kind whose record it names; otherwise {@code null}
 */
public record SearchField(String name, Match match, String refersTo) {

	/** How a typed word matches a field; how much each match weighs in the ranking is the search's own rule. */
	public enum Match {
		/**
		 * The record's name, the title of its hit: a whole word ranks highest, then the beginning of a word, then a
		 * word of three characters or more inside a word ("itch" in Mitchell), then a word with one typo; a word
		 * shaped like a record number matches it as a phrase. Indexed with the analyzer {@code name}, projectable,
		 * beside a {@code <name>_prefix} field with the analyzer {@code name_prefix} and a {@code <name>_grams} field
		 * with the analyzer {@code name_grams}.
		 */
		TITLE,
		/**
		 * Another name the record carries, such as a lead's company: matched as a title, weighing less, with the same
		 * {@code <name>_prefix} and {@code <name>_grams} fields beside it.
		 */
		WORDS,
		/** An e-mail address, whole or by its beginning; a keyword field with the normalizer {@code lowercase}. */
		EMAIL,
		/**
		 * A phone number, by its digits from their beginning, or ranking lower by three digits or more anywhere in
		 * it; indexed with the analyzer {@code phone} beside a {@code <name>_prefix} field with the analyzer
		 * {@code name_prefix} and a {@code <name>_grams} field with the analyzer {@code phone_grams}.
		 */
		PHONE,
		/**
		 * A record number or SKU, whole or by its beginning, and the only field besides the title that a word shaped
		 * like a record number matches; a keyword field with the normalizer {@code lowercase}.
		 */
		NUMBER,
		/** No typed word matches it: the projectable id of a record of another kind, shown by that record's title. */
		REFERENCE
	}

	public SearchField {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(match, "match");
		if ((match == Match.REFERENCE) != (refersTo != null)) {
			throw new IllegalArgumentException("Only a reference, and every reference, names the kind it refers to: "
					+ name);
		}
	}

	/** The record's name, which is the title of its hit. */
	public static SearchField title(String name) {
		return new SearchField(name, Match.TITLE, null);
	}

	/** Another name of the record, such as a company. */
	public static SearchField words(String name) {
		return new SearchField(name, Match.WORDS, null);
	}

	public static SearchField email(String name) {
		return new SearchField(name, Match.EMAIL, null);
	}

	public static SearchField phone(String name) {
		return new SearchField(name, Match.PHONE, null);
	}

	public static SearchField number(String name) {
		return new SearchField(name, Match.NUMBER, null);
	}

	/** The id of a record of the kind with the given code, shown by that record's title. */
	public static SearchField reference(String name, String kind) {
		return new SearchField(name, Match.REFERENCE, Objects.requireNonNull(kind, "kind"));
	}

	/**
	 * Whether the index holds a {@code <name>_prefix} field beside this one, and a {@code <name>_grams} field for the
	 * words typed that it holds inside its words.
	 */
	public boolean hasPrefixField() {
		return match == Match.TITLE || match == Match.WORDS || match == Match.PHONE;
	}

	/** The name of the field of word beginnings beside this one. */
	public String prefixField() {
		return name + "_prefix";
	}

	/** The name of the field of the runs of three characters inside its words, beside this one. */
	public String gramsField() {
		return name + "_grams";
	}
}
