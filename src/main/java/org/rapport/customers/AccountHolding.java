package org.rapport.customers;

import org.springframework.context.MessageSourceResolvable;

/**
 * Records of one kind that another module keeps for an account.
 *
 * @param messageKey the message naming them with their count as its argument, such as "3 orders"
 * @param count how many there are
 * @param keepsAccount whether they keep the account from being deleted; otherwise they move or go with it
 */
public record AccountHolding(String messageKey, long count, boolean keepsAccount) implements MessageSourceResolvable {

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
