/**
 * Marketing: campaigns of every kind, planned and run over a period, with their budget, cost and expected revenue
 * rolled up over a hierarchy of campaigns.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "web" })
package org.rapport.marketing;

import org.springframework.modulith.ApplicationModule;
