package org.rapport.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search index ({@code rapport.search.*}).
 *
 * @param rebuild rebuild the whole index once the application has started
 * @param buildWhenEmpty build the index at start when it is empty but the database holds records, as after an
 * upgrade from a version without search or on a new copy of the index folder
 * @param loadingThreads threads that read records from the database while rebuilding
 * @param batchSize records each of them reads at a time
 */
@ConfigurationProperties("rapport.search")
public record SearchProperties(boolean rebuild, Boolean buildWhenEmpty, Integer loadingThreads, Integer batchSize) {

	public SearchProperties {
		buildWhenEmpty = buildWhenEmpty == null || buildWhenEmpty;
		loadingThreads = loadingThreads == null || loadingThreads < 1 ? 2 : loadingThreads;
		batchSize = batchSize == null || batchSize < 1 ? 500 : batchSize;
	}
}
