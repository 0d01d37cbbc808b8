/** The notification centre, the users' choices and the e-mail queue with its sender. */
package org.rapport.notifications.internal;
