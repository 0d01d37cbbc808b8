/**
 * Customer analytics: lifetime value (the discounted formula, BG/NBD, Pareto/NBD and Gamma-Gamma), segmentation
 * (K-Means, hierarchical clustering, DBSCAN), churn prediction (logistic regression, trees, forests, boosting) and
 * recommendations (item-based collaborative filtering), on the CRM's own data and on uploaded files.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "notifications", "web",
		"customers", "sales", "activities" })
package org.rapport.analytics;

import org.springframework.modulith.ApplicationModule;
