package org.rapport.analytics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the analytics module ({@code rapport.analytics.*}).
 *
 * @param parallelism how many threads the models' fits and scoring may use at once, in a pool of their own so that
 *        requests keep theirs; the machine's cores when left out
 * @param maxUploadRows the most rows an uploaded file may hold (its size is limited by
 *        {@code spring.servlet.multipart.max-file-size} as every upload is)
 */
@ConfigurationProperties("rapport.analytics")
public record AnalyticsProperties(Integer parallelism, Integer maxUploadRows) {

	public AnalyticsProperties {
		parallelism = parallelism == null || parallelism < 1 ? Runtime.getRuntime().availableProcessors() : parallelism;
		maxUploadRows = maxUploadRows == null || maxUploadRows < 1 ? 2_000_000 : maxUploadRows;
	}
}
