/**
 * Recommendations by item-based collaborative filtering on implicit feedback (who bought or used what), and their
 * evaluation by precision and recall at k on held-out interactions.
 */
package org.rapport.analytics.internal.recommend;
