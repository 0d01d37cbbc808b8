/**
 * Notifications: what users are told in the notification centre and by e-mail, as each of them chose per kind of
 * notice, and the e-mail that carries it, sent at most once.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "web" })
package org.rapport.notifications;

import org.springframework.modulith.ApplicationModule;
