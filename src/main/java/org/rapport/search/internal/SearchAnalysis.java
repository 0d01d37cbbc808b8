package org.rapport.search.internal;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the search index. Names are lower-cased and stripped of accents ("Müller" is found as
 * "muller"); runs of Chinese, Japanese or Korean characters are indexed as single characters and as pairs of
 * neighbours, and a query is cut into pairs, so that "王小明" is found by "王小" and "小明" as well as by "王"; a
 * prefix field holds the beginnings of every word, so that typing "mar" finds "Martínez" without a wildcard;
 * phone numbers keep their digits only. A field of grams holds every run of {@value #GRAM} letters or digits inside
 * the words of a name, or of the digits of a phone number, each at its place, so that "itch" is found in "Mitchell"
 * as the phrase of the grams "itc" and "tch", without a wildcard that would walk every word of the index.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	/**
	 * The version of these analyzers, part of the fingerprint of the index's fields ({@link IndexedFields}): raise it
	 * with any change below, so that an index built with the analyzers before is built again at the next start.
	 */
	static final int VERSION = 1;

	/** Longest word beginning that the prefix fields keep; longer typed words match by their first letters. */
	static final int MAX_PREFIX = 20;

	/** Length of the grams that match a typed word inside a name or a phone number; shorter words do not. */
	static final int GRAM = 3;

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
		// grams that hold a blank or a mark between words are dropped (they shrink below the gram's length), as are
		// Chinese characters, which the name field already finds one by one and in pairs
		context.analyzer("name_grams")
			.custom()
			.tokenizer("nGram")
			.param("minGramSize", String.valueOf(GRAM))
			.param("maxGramSize", String.valueOf(GRAM))
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding")
			.tokenFilter("patternReplace")
			.param("pattern", "[^\\p{L}\\p{N}]|\\p{IsIdeographic}")
			.param("replacement", "")
			.tokenFilter("length")
			.param("min", String.valueOf(GRAM))
			.param("max", String.valueOf(4 * GRAM));
		context.analyzer("phone_grams")
			.custom()
			.tokenizer("nGram")
			.param("minGramSize", String.valueOf(GRAM))
			.param("maxGramSize", String.valueOf(GRAM))
			.charFilter("patternReplace")
			.param("pattern", "[^0-9]")
			.param("replacement", "");
		context.analyzer("phone")
			.custom()
			.tokenizer("keyword")
			.charFilter("patternReplace")
			.param("pattern", "[^0-9]")
			.param("replacement", "");
		context.normalizer("lowercase").custom().tokenFilter("lowercase").tokenFilter("asciiFolding");
	}
}
