/**
 * Users, roles, teams, API tokens, the current user and the rule deciding which records a user may see.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.rapport.identity;

import org.springframework.modulith.ApplicationModule;
