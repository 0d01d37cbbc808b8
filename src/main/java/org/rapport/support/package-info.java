/**
 * Customer service: support cases, the SLA policies that set their targets in business hours, and escalation.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "web", "customers", "sales",
		"search", "notifications" })
package org.rapport.support;

import org.springframework.modulith.ApplicationModule;
