/**
 * Users, roles, teams, API tokens, the current user and the rule deciding which records a user may see.
 */
package org.rapport.identity;
