package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for a browser test, set up so that it never reaches outside this machine. Where
 * Chromium or its driver is missing the test is skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
public final class Chromium implements AutoCloseable {

	private static final Path BINARY = Path.of(System.getProperty("rapport.test.chromium", "/usr/bin/chromium"));
	private static final Path DRIVER = Path
		.of(System.getProperty("rapport.test.chromedriver", "/usr/bin/chromedriver"));

	private final WebDriver driver;
	private final Path profile;

	private Chromium(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts Chromium at the given window size, or skips the calling test where it is not installed. */
	public static Chromium start(String testName, int width, int height) {
		if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
			String message = "Browser tests need " + BINARY + " and " + DRIVER
					+ " (apt-get install chromium chromium-driver)";
			if ("true".equalsIgnoreCase(System.getenv("RAPPORT_REQUIRE_BROWSER"))) {
				fail(message + ", and RAPPORT_REQUIRE_BROWSER=true forbids skipping.");
			}
			System.err.println("WARNING: skipping " + testName + ". " + message + ".");
			assumeTrue(false, message);
		}
		try {
			Path profile = Files.createTempDirectory("rapport-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BINARY.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--disable-background-networking", "--disable-component-update", "--no-first-run",
					"--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
					"--window-size=" + width + "," + height, "--lang=en-US", "--force-prefers-reduced-motion");
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			Files.createDirectories(Path.of("target"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.withLogFile(new File("target/chromedriver-" + testName + ".log"))
				.build();
			return new Chromium(new ChromeDriver(service, options), profile);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/**
	 * Lays pages out as a phone of this size shows them (its viewport, overlay scroll bars, the page's viewport meta
	 * tag) until {@link #showAsWindow()}; a window itself cannot be narrower than 500 pixels.
	 */
	public void showAsPhone(int width, int height) {
		((ChromiumDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
	}

	/** Lays pages out in the browser window again. */
	public void showAsWindow() {
		((ChromiumDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/** A wait that also rides out an element going stale while a click loads the next page. */
	public WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout);
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	/** No error page, no missing message key, nothing the browser complained about (CSP, missing files, JS). */
	public void assertPageIsHealthy() {
		String at = driver.getCurrentUrl();
		assertThat(driver.findElements(By.id("error-page"))).as("error page at %s", at).isEmpty();
		assertThat(driver.getPageSource()).as("missing message key at %s", at).doesNotContain("??");
		List<String> problems = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				problems.add(entry.getMessage());
			}
		}
		assertThat(problems).as("browser console errors at %s", at).isEmpty();
	}

	/** Saves what the browser shows to target/screenshots/NAME.png. */
	public void screenshot(String name) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			System.err.println("Could not save screenshot " + name + ": " + e.getMessage());
		}
	}

	@Override
	public void close() {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			System.err.println("Could not remove " + profile + ": " + e.getMessage());
		}
	}
}
