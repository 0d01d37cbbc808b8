package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

	/** The axe-core rule sets a page is checked against: WCAG 2.1 A and AA. */
	private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
	private static final Set<String> FAILING_IMPACTS = Set.of("critical", "serious");

	/**
	 * How far the page reaches past the right edge of a screen as wide as the argument, with the elements that stick
	 * out (those inside a box that scrolls or clips them do not count); {@code null} where it fits. A phone zooms
	 * out to show a page wider than itself, which widens {@code window.innerWidth} with the page: the screen's own
	 * width is the measure.
	 */
	private static final String OVERFLOW = """
			const width = arguments[0];
			const root = document.documentElement;
			if (root.scrollWidth <= width && window.innerWidth <= width) {
			  return null;
			}
			const clipped = element => {
			  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
			    if (getComputedStyle(box).overflowX !== 'visible') {
			      return true;
			    }
			  }
			  return false;
			};
			const outside = Array.from(document.body.querySelectorAll('*')).filter(element => {
			  const box = element.getBoundingClientRect();
			  return box.width > 0 && box.right > width + 0.5 && !clipped(element);
			}).slice(0, 6).map(element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
			  + (element.className && element.className.baseVal === undefined
			      ? '.' + element.className.trim().split(/\\s+/).join('.') : ''));
			return 'scrollWidth ' + root.scrollWidth + ', innerWidth ' + window.innerWidth + ' > ' + width + ': '
			  + outside.join(', ');
			""";

	/** axe-core's script, as the axe-core jar for Selenium bundles it. */
	private static final String AXE = axeScript();

	/**
	 * Runs axe on the page with the rule tags and failing impacts given; answers a line per element found, "[rule,
	 * impact] help: [target] \u0000html", or the error as a string.
	 */
	private static final String AXE_RUN = """
			const [tags, impacts, done] = arguments;
			axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false })
			  .then(results => done(results.violations.filter(rule => impacts.includes(rule.impact))
			    .flatMap(rule => rule.nodes.map(node => '[' + rule.id + ', ' + rule.impact + '] ' + rule.help + ': ['
			      + node.target.join(', ') + '] \u0000' + node.html))))
			  .catch(error => done(String(error)));
			""";

	private boolean axeOnEveryPage;

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

	/**
	 * Waits until the page has loaded and htmx has finished every request and swap, so that the controls it just
	 * put in are live: htmx wires up swapped-in content only when it settles, and a click before that does nothing.
	 */
	public void settle(Duration timeout) {
		waiting(timeout).until(browser -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("""
				return document.readyState === 'complete'
				    && document.querySelector('.htmx-request, .htmx-added, .htmx-swapping, .htmx-settling') === null""")));
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

	/**
	 * Where the page shown reaches past the right edge of a screen as wide as given, naming the elements that stick
	 * out; {@code null} where it fits.
	 */
	public String overflowBeyond(int width) {
		return (String) ((JavascriptExecutor) driver).executeScript(OVERFLOW, width);
	}

	/**
	 * axe-core's serious and critical findings on the page shown, against the WCAG 2.1 A and AA rules, one line per
	 * element found (rule, impact, help, element); a failed run is a finding too. axe comes with every page the
	 * browser opens once the first check has asked for it, so that a check costs the run alone.
	 */
	public List<String> accessibilityViolations() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!axeOnEveryPage) {
			((ChromiumDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", AXE));
			axeOnEveryPage = true;
		}
		if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
			// the page was open before axe came with every page
			js.executeScript(AXE);
		}
		Object answer = js.executeAsyncScript(AXE_RUN, WCAG_TAGS, List.copyOf(FAILING_IMPACTS));
		if (!(answer instanceof List<?> found)) {
			return List.of("axe failed: " + answer);
		}
		List<String> violations = new ArrayList<>();
		for (Object line : found) {
			violations.add(abbreviateHtmlOf(String.valueOf(line)));
		}
		return violations;
	}

	/** The page shown has no serious or critical accessibility violation. */
	public void assertAccessible() {
		assertThat(accessibilityViolations()).as("serious or critical accessibility violations at %s",
				driver.getCurrentUrl()).isEmpty();
	}

	/** The page shown fits a phone's screen as wide as given: it does not scroll sideways. */
	public void assertFitsWidth(int width) {
		assertThat(overflowBeyond(width)).as("page wider than %d px at %s", width, driver.getCurrentUrl()).isNull();
	}

	/**
	 * Saves the whole page, beyond what the window shows, to target/screenshots/NAME.png: the page as long as it
	 * is, at the width it is laid out at.
	 */
	public void screenshotWholePage(String name) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		Number width = (Number) js.executeScript("return document.documentElement.scrollWidth");
		Number height = (Number) js.executeScript("return document.documentElement.scrollHeight");
		Map<String, Object> shot = ((ChromiumDriver) driver).executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		save(name, Base64.getDecoder().decode((String) shot.get("data")));
	}

	/** Saves what the browser shows to target/screenshots/NAME.png. */
	public void screenshot(String name) {
		save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static void save(String name, byte[] png) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(directory.resolve(name + ".png"), png);
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

	/** A finding's line with the element's markup, after the NUL that sets it apart, abbreviated. */
	private static String abbreviateHtmlOf(String line) {
		int html = line.indexOf('\u0000');
		return html < 0 ? line : line.substring(0, html) + abbreviate(line.substring(html + 1));
	}

	private static String axeScript() {
		try (var in = Chromium.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An element's markup cut to a length that a failure message can show. */
	static String abbreviate(String html) {
		return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
	}
}
