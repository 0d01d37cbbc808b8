package org.rapport.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that names a record by a request parameter rather than its path, such as a timeline's
 * {@code about}: like an operation with a record's id in its path, it answers 404 for a record that does not exist
 * or that the caller may not see, and the OpenAPI document says so.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NamesRecord {
}
