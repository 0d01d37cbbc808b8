package org.rapport.sales.internal;

import java.util.UUID;

/**
 * What a lead is converted into: the existing account to join, or else a new account under the given name (by
 * default the lead's company, or the person's name when there is none).
 */
public record LeadConversion(UUID existingAccount, String accountName) {
}
