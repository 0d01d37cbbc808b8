/**
 * Segmentation of accounts or uploaded rows: scaled features, K-Means, hierarchical clustering, DBSCAN, the
 * silhouette and the k-distance curve, built on Smile.
 */
package org.rapport.analytics.internal.segments;
