package org.rapport.shared;

/**
 * A business rule refuses the change as the records stand, such as a contract that has ended and no longer changes,
 * or, of the kind {@link Kind#SETUP}, as Rapport is set up, such as when nobody is there to own web-form leads.
 */
public class RuleBroken extends DomainException {

	/** What stands in the rule's way. */
	public enum Kind {

		/** The records as they are; the rule refuses until they change. */
		STATE,

		/** Rapport's configuration; the rule refuses until an administrator sets it up. */
		SETUP
	}

	private final Kind kind;
	private final String rule;
	private final String summary;

	public RuleBroken(String messageKey, String defaultMessage, Object... arguments) {
		this(Kind.STATE, null, null, messageKey, defaultMessage, arguments);
	}

	/**
	 * A refusal of one of the rules that API clients tell apart by name ({@code lead-state}), with a short English
	 * summary of the rule ("Lead status forbids this").
	 */
	protected RuleBroken(Kind kind, String rule, String summary, String messageKey, String defaultMessage,
			Object... arguments) {
		super(messageKey, arguments, defaultMessage);
		this.kind = kind;
		this.rule = rule;
		this.summary = summary;
	}

	/** A refusal that lasts until an administrator sets Rapport up for it. */
	public static RuleBroken notSetUp(String messageKey, String defaultMessage, Object... arguments) {
		return new RuleBroken(Kind.SETUP, null, null, messageKey, defaultMessage, arguments);
	}

	public Kind kind() {
		return kind;
	}

	/** The rule's name, or {@code null} for a rule without one of its own. */
	public String rule() {
		return rule;
	}

	/** A short English summary of the named rule, or {@code null}. */
	public String summary() {
		return summary;
	}
}
