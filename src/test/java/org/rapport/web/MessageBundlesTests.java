package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every English bundle ({@code messages.properties}, {@code i18n/*.properties}) has a Chinese twin with the same
 * keys, and every key a template names exists.
 */
class MessageBundlesTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyEnglishBundleHasAChineseTwinWithTheSameKeys() throws IOException {
		List<Path> bundles = englishBundles();
		assertThat(bundles).isNotEmpty();
		for (Path english : bundles) {
			Path chinese = twin(english);
			assertThat(chinese).as("Chinese twin of " + english).exists();
			assertThat(new TreeSet<>(load(chinese).stringPropertyNames())).as(chinese.toString())
				.isEqualTo(new TreeSet<>(load(english).stringPropertyNames()));
		}
	}

	@Test
	void noEnglishTextIsLeftInTheChineseBundles() throws IOException {
		Set<String> same = new TreeSet<>();
		for (Path english : englishBundles()) {
			Properties en = load(english);
			Properties zh = load(twin(english));
			for (String key : en.stringPropertyNames()) {
				String value = en.getProperty(key);
				if (value.matches(".*[A-Za-z]{4,}.*") && value.equals(zh.getProperty(key))) {
					same.add(english.getFileName() + ": " + key);
				}
			}
		}
		assertThat(same).as("keys whose Chinese text is still the English one").isEmpty();
	}

	@Test
	void everyMessageKeyATemplateNamesExists() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path english : englishBundles()) {
			keys.addAll(load(english).stringPropertyNames());
		}
		Pattern reference = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = reference.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!keys.contains(matcher.group(1))) {
						missing.add(matcher.group(1) + " in " + template.getFileName());
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static List<Path> englishBundles() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			return files.filter(p -> p.toString().endsWith(".properties"))
				.filter(p -> !p.getFileName().toString().contains("_"))
				.filter(p -> p.getFileName().toString().startsWith("messages") || p.getParent().endsWith("i18n"))
				.sorted()
				.toList();
		}
	}

	private static Path twin(Path english) {
		return english.resolveSibling(english.getFileName().toString().replace(".properties", "_zh_CN.properties"));
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
