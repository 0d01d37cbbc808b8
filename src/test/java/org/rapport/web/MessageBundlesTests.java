package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageBundlesTests {

	@Test
	void englishAndChineseHoldTheSameKeys() throws IOException {
		Set<String> english = load("messages.properties").stringPropertyNames();
		Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
		assertThat(new TreeSet<>(chinese)).isEqualTo(new TreeSet<>(english));
	}

	@Test
	void noChineseTextIsLeftInEnglish() throws IOException {
		Properties english = load("messages.properties");
		Properties chinese = load("messages_zh_CN.properties");
		Set<String> same = new TreeSet<>();
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key);
			if (value.matches(".*[A-Za-z]{4,}.*") && value.equals(chinese.getProperty(key))) {
				same.add(key);
			}
		}
		assertThat(same).as("keys whose Chinese text is still the English one").isEmpty();
	}

	@Test
	void everyMessageKeyATemplateNamesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Pattern reference = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
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

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
