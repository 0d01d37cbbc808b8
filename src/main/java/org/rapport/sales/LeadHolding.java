package org.rapport.sales;

import org.springframework.context.MessageSourceResolvable;

/**
 * Records of one kind that another module keeps for a lead, such as the support cases the lead asked for.
 *
 * @param messageKey the message naming them with their count as its argument, such as "3 cases"
 * @param count how many there are
 */
public record LeadHolding(String messageKey, long count) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { count };
	}

	@Override
	public String getDefaultMessage() {
		return count + " " + messageKey;
	}
}
