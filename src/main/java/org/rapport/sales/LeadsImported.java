package org.rapport.sales;

import java.util.List;

/** A batch of leads an import created and updated, published once per batch. */
public record LeadsImported(List<LeadId> created, List<LeadId> updated) {
}
