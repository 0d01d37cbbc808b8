package org.rapport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rules of the code beyond the module boundaries: only the {@code web} packages speak HTTP, so that domain code
 * refuses with the exceptions of {@code shared}, no {@code internal} package answers with an HTTP status (the error
 * mapping has its own package, {@code web.problems}), and beans take what they need through their constructors.
 */
class ArchitectureTests {

	/**
	 * Rapport's own classes, read once; the rules name the types they forbid, so that the classes of the libraries
	 * need not be read as well.
	 */
	private static final JavaClasses MAIN = ArchConfiguration.withThreadLocalScope(configuration -> {
		configuration.setResolveMissingDependenciesFromClassPath(false);
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("org.rapport");
	});

	/** HTTP statuses, problem details and the exceptions that carry them. */
	private static final DescribedPredicate<JavaClass> STATUSES = belongToAnyOf(ResponseStatusException.class,
			ErrorResponseException.class, ErrorResponse.class, HttpStatus.class, HttpStatusCode.class,
			ProblemDetail.class)
		.as("answer with HTTP statuses or problem details");

	/** The statuses and the servlet API. */
	private static final DescribedPredicate<JavaClass> HTTP = STATUSES.or(resideInAPackage("jakarta.servlet.."))
		.as("speak HTTP (statuses, problem details, the servlet API)");

	@Test
	void onlyTheWebPackagesSpeakHttp() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat(HTTP)
			.because("domain code throws the exceptions of org.rapport.shared, which only web turns into statuses")
			.check(MAIN);
	}

	@Test
	void noInternalPackageAnswersWithAStatus() {
		noClasses().that()
			.resideInAPackage("..internal..")
			.should()
			.dependOnClassesThat(STATUSES)
			.because("web.problems maps exceptions to statuses, and only the web packages answer with one")
			.check(MAIN);
	}

	@Test
	void beansTakeWhatTheyNeedThroughTheirConstructors() {
		NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(MAIN);
	}
}
