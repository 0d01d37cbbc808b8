package org.rapport.sales;

/**
 * A lead was merged into another and is gone: what named {@code merged} names {@code survivor} from now on. Published
 * in the merge's transaction, before the merged lead goes, so that plain listeners move their records with it.
 */
public record LeadsMerged(LeadId survivor, LeadId merged) {
}
