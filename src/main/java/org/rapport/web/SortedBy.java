package org.rapport.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code sort} parameter of an API list with the class that declares the list's
 * {@link org.rapport.shared.SortWhitelist} (its one public static field of that type), so that the API document
 * states the values the list accepts: each spelling of the whitelist, and {@code cf.<key>} where the list sorts by
 * custom fields, with an optional {@code ,asc} or {@code ,desc}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SortedBy {

	/** The class that declares the list's whitelist. */
	Class<?> value();

	/** Whether the list also sorts by its custom fields ({@code cf.<key>}). */
	boolean customFields() default true;
}
