/**
 * Activities: tasks, calls, meetings, logged e-mails and notes about the records of the other modules, the timeline
 * of a record and each user's work of the coming days.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "customization", "notifications", "web",
		"customers", "sales", "search", "support" })
package org.rapport.activities;

import org.springframework.modulith.ApplicationModule;
