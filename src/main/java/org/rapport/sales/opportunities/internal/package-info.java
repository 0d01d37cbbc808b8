/**
 * Opportunities on their pipelines and stages, with the stage history, the forecast and the sales quotas.
 */
package org.rapport.sales.opportunities.internal;
