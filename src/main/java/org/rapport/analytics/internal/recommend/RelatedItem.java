package org.rapport.analytics.internal.recommend;

/** An item similar to another one, with its similarity and how many users have both. */
public record RelatedItem<I>(I item, double similarity, int commonUsers) {
}
