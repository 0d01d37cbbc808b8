package org.rapport.search.internal;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the search index. Names are lower-cased and stripped of accents ("Müller" is found as
 * "muller"); runs of Chinese, Japanese or Korean characters are indexed as single characters and as pairs of
 * neighbours, and a query is cut into pairs, so that "王小明" is found by "王小" and "小明" as well as by "王"; a
 * prefix field holds the beginnings of every word, so that typing "mar" finds "Martínez" without a wildcard;
 * phone numbers keep their digits only.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	/** Longest word beginning that the prefix fields keep; longer typed words match by their first letters. */
	static final int MAX_PREFIX = 20;

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer("name")
			.custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding")
			.tokenFilter("cjkBigram")
			.param("outputUnigrams", "true");
		context.analyzer("name_query")
			.custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding")
			.tokenFilter("cjkBigram");
		context.analyzer("name_prefix")
			.custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding")
			.tokenFilter("edgeNGram")
			.param("minGramSize", "1")
			.param("maxGramSize", String.valueOf(MAX_PREFIX))
			.param("preserveOriginal", "true");
		context.analyzer("phone")
			.custom()
			.tokenizer("keyword")
			.charFilter("patternReplace")
			.param("pattern", "[^0-9]")
			.param("replacement", "");
		context.normalizer("lowercase").custom().tokenFilter("lowercase").tokenFilter("asciiFolding");
	}
}
