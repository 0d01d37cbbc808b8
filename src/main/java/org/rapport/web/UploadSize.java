package org.rapport.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The largest file that an upload may hold, {@code spring.servlet.multipart.max-file-size} as the servlet container
 * applies it, and how people read it in their language ({@code 100 MB}, {@code 1.5 GB}). Pages name it as
 * {@code @uploadSize.describe(#locale)}; an upload over it answers {@link #tooLarge(Locale)}.
 */
@Component
public class UploadSize {

	/** The units of {@link DataSize} (1 KB is 1024 bytes), smallest first, with their message keys. */
	private static final String[] UNITS = { "upload.size.bytes", "upload.size.kilobytes", "upload.size.megabytes",
			"upload.size.gigabytes", "upload.size.terabytes" };

	private static final BigDecimal STEP = BigDecimal.valueOf(1024);

	private final DataSize limit;
	private final MessageSource messages;

	@Autowired
	UploadSize(ObjectProvider<MultipartProperties> multipart, MessageSource messages) {
		this(multipart.getIfAvailable(MultipartProperties::new).getMaxFileSize(), messages);
	}

	UploadSize(DataSize limit, MessageSource messages) {
		this.limit = limit;
		this.messages = messages;
	}

	public DataSize limit() {
		return limit;
	}

	/** The limit in the language of the locale, in the largest unit it reaches, with at most one decimal. */
	public String describe(Locale locale) {
		if (limit.isNegative()) {
			return messages.getMessage("upload.size.unlimited", null, locale);
		}
		BigDecimal amount = BigDecimal.valueOf(limit.toBytes());
		int unit = 0;
		while (unit < UNITS.length - 1 && amount.compareTo(STEP) >= 0) {
			amount = amount.divide(STEP);
			unit++;
		}
		NumberFormat number = NumberFormat.getNumberInstance(locale);
		number.setMaximumFractionDigits(1);
		number.setRoundingMode(RoundingMode.DOWN);
		return messages.getMessage(UNITS[unit], new Object[] { number.format(amount) }, locale);
	}

	/** The answer of the API to an upload over the limit: 413 with problem details that state the limit. */
	public ProblemDetail tooLarge(Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				messages.getMessage("api.upload.tooLarge", new Object[] { describe(locale) }, locale));
		problem.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
		return problem;
	}
}
