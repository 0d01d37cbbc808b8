package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

public class UploadSizeTests {

	private final ResourceBundleMessageSource messages = messages();

	/** The upload limit of the given size, speaking from the application's message bundles. */
	public static UploadSize of(String size) {
		return new UploadSize(DataSize.parse(size), messages());
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private String describe(String size, Locale locale) {
		return new UploadSize(DataSize.parse(size), messages).describe(locale);
	}

	@Test
	void theLimitReadsInTheLargestUnitItReachesWithAtMostOneDecimal() {
		assertThat(describe("100MB", Locale.ENGLISH)).isEqualTo("100 MB");
		assertThat(describe("1KB", Locale.ENGLISH)).isEqualTo("1 KB");
		assertThat(describe("1536KB", Locale.ENGLISH)).isEqualTo("1.5 MB");
		assertThat(describe("2GB", Locale.ENGLISH)).isEqualTo("2 GB");
		assertThat(describe("512B", Locale.ENGLISH)).isEqualTo("512 bytes");
		assertThat(describe("1500B", Locale.ENGLISH)).as("never more than the limit").isEqualTo("1.4 KB");
		assertThat(describe("10000MB", Locale.ENGLISH)).isEqualTo("9.7 GB");
	}

	@Test
	void theLimitReadsInChinese() {
		assertThat(describe("512B", Locale.SIMPLIFIED_CHINESE)).isEqualTo("512 字节");
		assertThat(describe("100MB", Locale.SIMPLIFIED_CHINESE)).isEqualTo("100 MB");
	}

	@Test
	void theAnswerToAFileOverTheLimitStatesTheConfiguredLimitInTheUsersLanguage() {
		UploadSize size = new UploadSize(DataSize.parse("25MB"), messages);
		ProblemDetail english = size.tooLarge(Locale.ENGLISH);
		assertThat(english.getStatus()).isEqualTo(413);
		assertThat(english.getTitle()).isEqualTo("Content Too Large");
		assertThat(english.getDetail()).isEqualTo("The file is larger than the upload limit of 25 MB.");
		assertThat(size.tooLarge(Locale.SIMPLIFIED_CHINESE).getDetail()).isEqualTo("文件超过上传大小限制（25 MB）。");
	}
}
