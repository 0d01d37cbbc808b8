package org.rapport.activities.internal;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The HTML a note may hold: paragraphs, line breaks, emphasis, lists, quotes, code and links to http, https and
 * mailto addresses. Everything else is taken out, scripts and event handlers with it, by the OWASP sanitizer.
 */
public final class NoteHtml {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(new HtmlPolicyBuilder().allowElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.allowAttributes("href")
			.onElements("a")
			.requireRelNofollowOnLinks()
			.allowElements("ul", "ol", "li", "br", "code", "pre", "hr")
			.toFactory());

	private NoteHtml() {
	}

	/** The safe part of the HTML, or {@code null} for nothing or blanks. */
	public static String sanitise(String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		String safe = POLICY.sanitize(html).strip();
		return safe.isEmpty() ? null : safe;
	}

	/** Text typed in a plain box as safe HTML: its characters escaped and its lines kept as line breaks. */
	public static String fromText(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = text.strip()
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&#34;")
			.replace("\r\n", "\n")
			.replace("\n", "<br>");
		return sanitise(escaped);
	}

	/** A note's HTML as the plain text a form shows for editing: line breaks kept, tags dropped, entities read. */
	public static String toText(String html) {
		if (html == null) {
			return null;
		}
		String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*", "\n").replaceAll("<[^>]*>", "");
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&#34;", "\"")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#64;", "@")
			.replace("&#43;", "+")
			.replace("&#61;", "=")
			.replace("&#96;", "`")
			.replace("&amp;", "&")
			.strip();
	}
}
