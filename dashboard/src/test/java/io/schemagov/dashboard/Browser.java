package io.schemagov.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} driven through its {@code chromedriver},
 * nothing downloaded. Without them the tests are skipped with a message saying what to install, except on CI, where
 * a missing browser fails the run instead of passing it silently.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("schemagov.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("schemagov.chromedriver", "/usr/bin/chromedriver");
    /** Screenshots of each main page, kept with the build's other reports. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path downloads, Path profile) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
    }

    /** Starts Chromium, or skips the calling test class when it is not installed (fails instead on CI). */
    static Browser start() throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        String missing = "Chromium not found (" + CHROMIUM + " and " + CHROMEDRIVER + "): install Debian's chromium "
                + "and chromium-driver (apt-get install chromium chromium-driver) to run the browser tests";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing + "; CI must run them");
        }
        Assumptions.assumeTrue(installed, missing + "; skipped");
        Path downloads = Files.createTempDirectory("schemagov-downloads");
        Path profile = Files.createTempDirectory("schemagov-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--window-size=1500,1100", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, downloads, profile);
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The finished downloads: Chromium writes to a hidden or {@code .crdownload} file and renames it when done. */
    List<Path> downloaded() throws IOException {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")
                    && !f.getFileName().toString().endsWith(".crdownload")).toList();
        }
    }

    @Override
    public void close() {
        driver.quit();
        for (Path dir : List.of(downloads, profile)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary folder is no reason to fail a test run.
            }
        }
    }
}
