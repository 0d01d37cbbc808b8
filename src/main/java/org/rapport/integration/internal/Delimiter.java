package org.rapport.integration.internal;

import java.util.Locale;
import java.util.Optional;

/** The character between the cells of a file's rows. */
public enum Delimiter {

	COMMA(','),
	SEMICOLON(';'),
	TAB('\t'),
	PIPE('|');

	private final char character;

	Delimiter(char character) {
		this.character = character;
	}

	public char character() {
		return character;
	}

	/** The delimiter of this character, as a job keeps it. */
	public static Delimiter of(char character) {
		for (Delimiter delimiter : values()) {
			if (delimiter.character == character) {
				return delimiter;
			}
		}
		throw new IllegalArgumentException("Not a delimiter: " + character);
	}

	/** The delimiter named ({@code semicolon}) or written ({@code ;}, {@code \t}); empty when it is none of them. */
	public static Optional<Delimiter> named(String name) {
		if (name == null || name.isEmpty()) {
			return Optional.empty();
		}
		if (name.length() == 1 || name.equals("\\t")) {
			char wanted = name.equals("\\t") ? '\t' : name.charAt(0);
			for (Delimiter delimiter : values()) {
				if (delimiter.character == wanted) {
					return Optional.of(delimiter);
				}
			}
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/**
	 * The delimiter a header line uses: of commas, semicolons, tabs and bars outside quotes, the one it holds most
	 * of; a comma where it holds none (a file of one column) or as many of another.
	 */
	static Delimiter detect(String headerLine) {
		int[] counts = new int[values().length];
		boolean quoted = false;
		for (char c : headerLine.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				for (Delimiter delimiter : values()) {
					if (delimiter.character == c) {
						counts[delimiter.ordinal()]++;
					}
				}
			}
		}
		Delimiter best = COMMA;
		for (Delimiter delimiter : values()) {
			if (counts[delimiter.ordinal()] > counts[best.ordinal()]) {
				best = delimiter;
			}
		}
		return best;
	}
}
