package org.rapport.support.internal;

/** How the customer reached the service desk. */
public enum CaseChannel {
	EMAIL, PHONE, WEB, CHAT, PORTAL
}
