package org.rapport.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The names a column's choices go by — their codes, their labels in English and Chinese, and the names other
 * systems give them — and the one loose comparison by which a file's value names one of them: without case,
 * accents, surrounding spaces and punctuation, {@code &} the same as {@code and} and {@code und}, {@code -},
 * {@code _} and spaces the same. {@code Food & Beverage}, {@code food and beverage} and {@code FOOD_AND_BEVERAGE}
 * name one choice. A value that names two choices names none, so that a file's value never lands on a choice by
 * chance.
 */
public final class ChoiceNames {

	/** The names other systems give Rapport's choices, by the message key of the choice's label. */
	private static final Map<String, List<String>> OTHER_SYSTEMS = load("integration/choice-names.properties");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** What a choice's names compare as, by that key: the choice, or {@link #AMBIGUOUS}. */
	private final Map<String, String> byKey;

	private static final String AMBIGUOUS = "";

	private ChoiceNames(Map<String, String> byKey) {
		this.byKey = byKey;
	}

	/** The choices by the names each goes by. */
	public static ChoiceNames of(Map<String, ? extends Collection<String>> namesByChoice) {
		Map<String, String> byKey = new HashMap<>();
		namesByChoice.forEach((choice, names) -> {
			add(byKey, choice, choice);
			names.forEach(name -> add(byKey, name, choice));
		});
		return new ChoiceNames(byKey);
	}

	private static void add(Map<String, String> byKey, String name, String choice) {
		String key = key(name);
		if (!key.isEmpty()) {
			byKey.merge(key, choice, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
		}
	}

	/**
	 * The names other systems give a choice whose label has this message key ({@code industry.NON_PROFIT}: "Not For
	 * Profit"…), as listed in {@code integration/choice-names.properties}.
	 */
	public static List<String> otherSystems(String labelKey) {
		return OTHER_SYSTEMS.getOrDefault(labelKey, List.of());
	}

	/** The choice the text names, or null when it names none or several. */
	public String choiceNamed(String text) {
		String choice = byKey.get(key(text));
		return choice == null || choice.equals(AMBIGUOUS) ? null : choice;
	}

	/** Whether two names are the same by the loose comparison; an empty name is the same as none. */
	public static boolean same(String a, String b) {
		String key = key(a);
		return !key.isEmpty() && key.equals(key(b));
	}

	/**
	 * The form in which names compare: letters and digits in lower case without accents, {@code &} and {@code und}
	 * spelled {@code and}, everything else left out; empty for a name of punctuation only.
	 */
	public static String key(String name) {
		if (name == null) {
			return "";
		}
		String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replace("ł", "l")
			.replace("&", " and ");
		StringBuilder key = new StringBuilder(plain.length());
		StringBuilder word = new StringBuilder();
		plain.codePoints().forEach(c -> {
			if (Character.isLetterOrDigit(c)) {
				word.appendCodePoint(c);
			}
			else {
				appendWord(key, word);
			}
		});
		appendWord(key, word);
		return key.toString();
	}

	private static void appendWord(StringBuilder key, StringBuilder word) {
		if (word.isEmpty()) {
			return;
		}
		key.append(word.toString().equals("und") ? "and" : word);
		word.setLength(0);
	}

	private static Map<String, List<String>> load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = ChoiceNames.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, List<String>> names = new HashMap<>();
		properties.forEach((key, value) -> {
			List<String> list = new ArrayList<>();
			for (String name : value.toString().split("\\|")) {
				if (!name.isBlank()) {
					list.add(name.strip());
				}
			}
			names.put(key.toString(), List.copyOf(list));
		});
		return Map.copyOf(names);
	}
}
