package org.rapport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the one module that holds the test's package (Spring Modulith's {@link ApplicationModuleTest}), with the
 * modules whose beans its beans take, the installation's settings from {@code shared} and the {@code web} shell,
 * whose rules every page and API call answers by (problem details, versions, the API document). It runs on the test
 * database as {@link RapportTest} does, with MockMvc, {@link TestData}, the {@link ApiContract} and the
 * {@link TestClock}, which follows the system clock until a test sets it; all test classes of a module share one
 * context. {@code ModularityTests} verifies the module structure once for all of them. A flow that crosses modules is
 * a {@link RapportTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "web", "shared" },
		verifyAutomatically = false)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestData.class, ApiContract.class, TestClock.Setup.class })
public @interface RapportModuleTest {
}
