package org.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Time comes from the application's {@link Clock}, injected, so that every rule that depends on it can be tested on
 * a clock that the test sets. Only the places named here read the system clock, each for its reason.
 */
class TimeRulesTests {

	/** The code that reads the system clock on purpose (class and method; {@code <init>} for a constructor), and why. */
	static final Map<String, String> SYSTEM_TIME_ON_PURPOSE = Map.of(
			"org.rapport.RapportApplication#clock", "the application's clock itself",
			"org.rapport.integration.internal.ImportRunner#<init>",
			"import leases measure the real time that all nodes share");

	/** What reads the wall clock: a {@code now} of java.time without a clock, a system clock, the system's millis. */
	private static final Set<String> CLOCKS_OF_THE_SYSTEM = Set.of("system", "systemUTC", "systemDefaultZone",
			"tickMillis", "tickSeconds", "tickMinutes");

	static final ArchRule TIME_COMES_FROM_THE_CLOCK = classes()
		.should(new ArchCondition<JavaClass>("read the time only from the application's clock") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (JavaAccess<?> access : type.getAccessesFromSelf()) {
					if (readsTheSystemClock(access) && !SYSTEM_TIME_ON_PURPOSE.containsKey(placeOf(access))) {
						events.add(SimpleConditionEvent.violated(access, access.getDescription()));
					}
				}
			}
		})
		.because("domain code and services read the time from the injected Clock (CONVENTIONS 16)");

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.rapport");

	@Test
	void codeReadsTheTimeOnlyFromTheApplicationsClock() {
		TIME_COMES_FROM_THE_CLOCK.check(MAIN);
	}

	@Test
	void eachPlaceThatReadsTheSystemClockOnPurposeStillDoes() {
		Set<String> reading = MAIN.stream()
			.flatMap(type -> type.getAccessesFromSelf().stream())
			.filter(TimeRulesTests::readsTheSystemClock)
			.map(TimeRulesTests::placeOf)
			.collect(Collectors.toSet());

		assertThat(reading).as("a place named as an exception that no longer reads the system clock")
			.containsAll(SYSTEM_TIME_ON_PURPOSE.keySet());
	}

	static boolean readsTheSystemClock(JavaAccess<?> access) {
		if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
			return false;
		}
		JavaClass owner = target.getOwner();
		String name = target.getName();
		boolean takesAClock = target.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Clock.class));
		if (owner.isEquivalentTo(Clock.class)) {
			return CLOCKS_OF_THE_SYSTEM.contains(name);
		}
		if (owner.getPackageName().equals("java.time")) {
			return name.equals("now") && !takesAClock;
		}
		return owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis");
	}

	static String placeOf(JavaAccess<?> access) {
		return access.getOrigin().getOwner().getName() + "#" + access.getOrigin().getName();
	}
}
