/**
 * How Rapport answers what it cannot do, in one place: each refusal of the domain gets its HTTP status here
 * ({@link org.rapport.web.problems.DomainStatus}) and becomes problem details in the API
 * ({@link org.rapport.web.problems.ApiProblems}) or an error page in the UI
 * ({@link org.rapport.web.problems.ErrorPages}); a request that cannot be read, input that cannot be converted and a
 * database out of reach are answered here too.
 */
package org.rapport.web.problems;
