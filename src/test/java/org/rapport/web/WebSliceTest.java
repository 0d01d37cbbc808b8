package org.rapport.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserPreferences;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.mapping.JpaMetamodelMappingContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A MockMvc slice of the web module ({@link WebMvcTest}): Spring MVC as the application configures it, with the
 * shell's advice, filters, language resolution, message bundles, validator and templates, serving the given
 * controllers, with no database and none of the other modules' beans. The signed-in user ({@link CurrentActor}) and
 * their preferences are mocks that a test sets up; the security is Spring Boot's default, as the identity module's
 * own chains are tested with the whole application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.rapport\\.(?!web\\.).*"))
// a dispatcher servlet of its own, as the application has, for the error page of each status (error/404.html...)
@ImportAutoConfiguration(DispatcherServletAutoConfiguration.class)
// the shell's filter of unreadable requests names the upload limit
@Import(UploadSize.class)
@MockitoBean(types = { CurrentActor.class, UserPreferences.class })
// the application class turns on JPA auditing, which asks for a JPA model and for the identity module's auditor
@MockitoBean(types = JpaMetamodelMappingContext.class)
@MockitoBean(name = "currentAuditor", types = AuditorAware.class)
public @interface WebSliceTest {

	/**
	 * The controllers the slice serves. A test's own controllers, nested in it, come in through {@code @Import}
	 * (Spring Boot leaves a test's nested classes out of the scan); naming them here as well keeps every controller
	 * of the application out.
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();
}
