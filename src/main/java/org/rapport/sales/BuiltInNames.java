package org.rapport.sales;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names Rapport gives what it creates itself — the default pipeline and its stages, the stages of a new
 * pipeline, the demo catalogue's categories — and how pages show them: in the reader's language while they are
 * untouched, as typed once someone renamed them. Records keep the English name, so that exports and the API stay
 * the same in every language.
 */
@Component("builtInNames")
public class BuiltInNames {

	public static final String SALES = "Sales";

	public static final String PROSPECTING = "Prospecting";

	public static final String QUALIFICATION = "Qualification";

	public static final String NEEDS_ANALYSIS = "Needs analysis";

	public static final String PROPOSAL = "Proposal";

	public static final String NEGOTIATION = "Negotiation";

	public static final String CLOSED_WON = "Closed won";

	public static final String CLOSED_LOST = "Closed lost";

	public static final String OPEN = "Open";

	public static final String WON = "Won";

	public static final String LOST = "Lost";

	public static final String LICENCES = "Licences";

	public static final String SERVICES = "Services";

	public static final String SUPPORT = "Support";

	public static final String HARDWARE = "Hardware";

	private static final Map<String, String> KEYS = Map.ofEntries(Map.entry(SALES, "builtIn.pipeline.sales"),
			Map.entry(PROSPECTING, "builtIn.stage.prospecting"), Map.entry(QUALIFICATION, "builtIn.stage.qualification"),
			Map.entry(NEEDS_ANALYSIS, "builtIn.stage.needsAnalysis"), Map.entry(PROPOSAL, "builtIn.stage.proposal"),
			Map.entry(NEGOTIATION, "builtIn.stage.negotiation"), Map.entry(CLOSED_WON, "builtIn.stage.closedWon"),
			Map.entry(CLOSED_LOST, "builtIn.stage.closedLost"), Map.entry(OPEN, "builtIn.stage.open"),
			Map.entry(WON, "builtIn.stage.won"), Map.entry(LOST, "builtIn.stage.lost"),
			Map.entry(LICENCES, "builtIn.category.licences"), Map.entry(SERVICES, "builtIn.category.services"),
			Map.entry(SUPPORT, "builtIn.category.support"), Map.entry(HARDWARE, "builtIn.category.hardware"));

	private final MessageSource messages;

	BuiltInNames(MessageSource messages) {
		this.messages = messages;
	}

	/** The message key of a name Rapport gave ({@code builtIn.stage.closedWon}), or null for a name typed by someone. */
	public static String messageKey(String name) {
		return name == null ? null : KEYS.get(name);
	}

	/** The name in the language of the page being shown. */
	public String shown(String name) {
		return shown(name, LocaleContextHolder.getLocale());
	}

	/** A name Rapport gave, in the language; any other name as it is. */
	public String shown(String name, Locale locale) {
		String key = name == null ? null : KEYS.get(name);
		return key == null ? name : messages.getMessage(key, null, name, locale);
	}
}
