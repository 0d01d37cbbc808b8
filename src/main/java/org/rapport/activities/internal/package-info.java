/** The activity aggregate, its store and the service that applies the visibility rule. */
package org.rapport.activities.internal;
