package org.rapport.analytics.internal.segments;

/**
 * How each feature is put on a common scale before clustering, so that no feature weighs more because of its unit.
 */
public enum Scaling {

	/** z-scores: minus the mean, divided by the population standard deviation (as scikit-learn's StandardScaler). */
	STANDARDIZE,

	/** {@code log(1 + x)} and then z-scores, for skewed amounts and counts that are never negative. */
	LOG_STANDARDIZE,

	/** The values as they are. */
	NONE
}
