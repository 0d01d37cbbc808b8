package org.rapport.analytics.internal.segments;

/** A hierarchical clustering cut at k, with the top of its tree. */
public record HierarchicalSegmentation(Segmentation segmentation, Dendrogram dendrogram) {
}
