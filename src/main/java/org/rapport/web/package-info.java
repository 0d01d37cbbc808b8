/**
 * The shell of the web UI: layout, navigation, home page, language and error pages; other modules add their
 * menu entries and home cards through {@link org.rapport.web.MenuEntry} and {@link org.rapport.web.HomeCard}, each
 * entry in one of the navigation's menus, a {@link org.rapport.web.MenuGroup}.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity" })
package org.rapport.web;

import org.springframework.modulith.ApplicationModule;
