/**
 * Churn prediction: a table of customers becomes features, logistic regression, a tree, a random forest and
 * gradient boosting are compared by cross-validated AUC, and the best, fitted on all rows, scores and explains.
 */
package org.rapport.analytics.internal.churn;
