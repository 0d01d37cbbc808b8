package org.rapport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@link RapportTest} on a database of its own ({@link OwnDatabase}), for tests whose figures come from every record
 * there: the analytics runs that learn from all accounts. Other tests' records would slow them with the size of the
 * suite and blur what they check. The classes so marked share one context and its database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RapportTest
@ContextConfiguration(initializers = OwnDatabase.class)
public @interface RapportTestOnOwnData {
}
