package dev.synergylink.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.synergylink.sync.SetupCheck;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.TokenStore;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page driven in Debian's Chromium, headless, as an operator would: connect both systems, link team
 * members, turn the sync on, Download all and Upload all, map the project statuses and types, edit records on the
 * fake servers and watch a cycle settle, then fix and retry a failing record. What the page shows is checked against
 * the fake servers' records; each screen is saved as a screenshot under {@code target/screenshots}; no page and no
 * address ever holds a token or secret.
 *
 * <p>It needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs). Without them it fails on CI (env {@code CI} set) and is
 * skipped elsewhere, saying why.
 */
class AdminPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final TokenStore synergyTokens = TokenStore.inMemory(null);
  private final List<String> sources = new ArrayList<>();
  private final List<String> addresses = new ArrayList<>();
  private FakeWorld world;
  private AdminPage page;
  private WebDriver browser;
  private WebDriverWait wait;
  private int screenshot;

  @BeforeEach
  void start() throws IOException {
    boolean browserInstalled = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!browserInstalled) {
      String why = "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install -y chromium chromium-driver";
      if (System.getenv("CI") != null) {
        fail("CI must run the browser test, but " + why + " (.ci/run installs them)");
      }
      Assumptions.abort("Skipped: " + why);
    }
   
    world = FakeWorld.start();
    page = AdminPage.start(world, 0, synergyTokens);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800");
    // Selenium's own notes (such as no DevTools binding for this exact Chromium) are not this test's output
    Logger.getLogger("org.openqa.selenium").setLevel(Level.OFF);
    browser = new ChromeDriver(service, options);
   
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
    try (var old = Files.list(SCREENSHOTS)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (page != null) {
      page.close();
    }
    if (world != null) {
      world.close();
    }
  }

  @Test
  void anOperatorSetsTheSyncUpRunsItAndRetriesAFailingRecord() throws IOException {
    try {
      operate();
    } catch (AssertionError | RuntimeException e) {
      // what the browser showed when it failed, to read beside the screenshots
      Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
      screenshot("failure");
      throw e;
    }
  }

  private void operate() {
    String tinyPlusToken = connect();
    linkTeamMembers();
    switchOn("Staff / Team Members", "Contacts / Companies", "Personnel / Contacts");
    click(By.xpath("//button[.='Turn the Master Switch on']"));
    assertThat(text(By.id("master-state"))).contains("The Master Switch is On.");
    cycle(); // the first cycle starts the cursors
    initialSync();
    mapStatuses();
    discoverTypes();
    projects();
    editsSettle();
    retryAFailingRecord();
    dismissAnOrphan();

    // no page and no address held a token or a secret
    OAuthTokens tokens = synergyTokens.load();
    List<String> secrets = List.of(tinyPlusToken, tokens.accessToken(), tokens.refreshToken(),
        world.synergyServer().applicationSecret(), world.synergyServer().apiKey(), world.tinyPlusServer().token());
    for (String secret : secrets) {
      assertThat(sources).as("every page's source").noneMatch(s -> s.contains(secret));
      assertThat(addresses).as("every address the browser showed").noneMatch(a -> a.contains(secret));
    }
  }

  /** Connect: Synergy's OAuth sign-in with its state check, the tiny+ token, Create Sync, the setup checks. */
  private String connect() {
    open("connect");
    assertThat(text(By.id("synergy-status"))).isEqualTo("Not connected.");
    click(By.xpath("//button[.='Sign in to Synergy']"));
    // the browser went to Synergy's authorize page, which approved and sent it back with the code and the state
    assertThat(text(By.id("flash"))).contains("Connected to Synergy.");
    assertThat(text(By.id("synergy-status"))).contains("harbour-vale").contains("Alex Administrator");
    assertThat(browser.getCurrentUrl()).isEqualTo(page.url() + "connect");

    // a redirect this session did not start (a forged state, or the state used twice) is refused
    browser.get(page.url() + "connect/synergy/callback?code=forged&state=forged");
    record();
    assertThat(text(By.id("flash-problems"))).contains("was not started from this page");

    String token = world.tinyPlusServer().issueToken();
    WebElement field = browser.findElement(By.id("tinyplus-token"));
    field.sendKeys(token);
    field.sendKeys(Keys.ENTER); // the form submits from the keyboard
    record();
    assertThat(text(By.id("tinyplus-status"))).contains("Avery Admin");

    // the setup checks say what the guide says when the tiny+ user is no Account Admin
    long me = world.tinyPlus().me().id();
    world.tinyPlus().webApp().setAccountAdmin(me, false);
    click(By.xpath("//button[.='Create Sync']"));
    assertThat(cells(By.cssSelector("#setup-checks tbody td:nth-child(2)"))).containsExactly("No", "Yes");
    assertThat(text(By.id("setup-problems"))).contains(SetupCheck.TINYPLUS_ADMIN_NEEDED);
    assertThat(browser.findElements(By.id("setup-ok"))).isEmpty();
    world.tinyPlus().webApp().setAccountAdmin(me, true);
    open("connect");
    assertThat(cells(By.cssSelector("#setup-checks tbody td:nth-child(2)"))).containsExactly("Yes", "Yes");
    assertThat(text(By.id("setup-ok"))).contains("Setup checks passed");
    screenshot("connect");
    return token;
  }

  /** Link Team Member records: the suggestions, one override, Save, then ghosts for the rest. */
  private void linkTeamMembers() {
    open("");
    assertThat(cells(By.cssSelector("#record-types tbody th"))).as("the guide's order").containsExactly(
        "Projects / Projects", "Contacts / Companies", "Personnel / Contacts", "Staff / Team Members");
    assertThat(text(By.id("reasons-contact"))).contains("Contacts sync needs the Companies sync enabled first");
    assertThat(text(By.id("reasons-project"))).contains("Project sync needs the Companies sync enabled first")
        .contains("team members are linked").contains("statusMapping");
    screenshot("configuration");

    click(By.linkText("Link Team Member records"));
    long jordan = staffId("Jordan");
    long sam = staffId("Sam");
    long alex = staffId("Alex");
    assertThat(selected("member-" + jordan)).startsWith("Jordan Lee");
    assertThat(selected("member-" + sam)).startsWith("Sam Taylor");
    assertThat(selected("member-" + alex)).isEqualTo("(leave unlinked)");
    assertThat(text(By.id("suggestions"))).contains("same email").contains("same name")
        .contains("no team member matches");
    // the operator knows Alex is Avery in tiny+
    new Select(browser.findElement(By.id("member-" + alex))).selectByVisibleText(
        "Avery Admin (avery.admin@tinyplus.example, active)");
    screenshot("team-members");
    click(By.xpath("//button[.='Save']"));
    assertThat(text(By.id("flash"))).contains("Saved: 3 team member(s) linked.");
    assertThat(cells(By.cssSelector("#links tbody tr"))).hasSize(3);
    click(By.xpath("//button[.='Create ghost team members']"));
    assertThat(text(By.id("flash"))).contains("1 ghost team member(s) created.");
    assertThat(text(By.id("no-unlinked"))).isEqualTo("Every staff member is linked.");
    List<TeamMember> ghosts = world.tinyPlus().webApp().teamMembers().stream()
        .filter(m -> m.recordStatus() == TeamMemberStatus.GHOST).toList();
    assertThat(ghosts).extracting(TeamMember::name).containsExactly("Priya Shah");
  }

  /** Turns record types on from the configuration page, in the order given (Companies before Contacts). */
  private void switchOn(String... labels) {
    open("");
    for (String label : labels) {
      click(By.xpath("//button[.='Turn on " + label + "']"));
      assertThat(text(By.id("flash"))).contains(label + " sync is On.");
    }
  }

  private void initialSync() {
    open("sync");
    screenshot("manual-sync-controls");
    // preview first: what Download all would do, and nothing written
    run("Preview Download all companies");
    assertThat(previewRows("COMPANY", "CREATED")).hasSize(1);
    List<String> matched = previewRows("COMPANY", "LINKED");
    assertThat(matched).hasSize(1);
    assertThat(matched.get(0)).contains("email"); // matched by the email both hold
    assertThat(count("COMPANY", "SYNERGY_TO_TINYPLUS", 3)).as("created, previewed").isEqualTo("1");
    assertThat(tinyPlusCompanies()).doesNotContain("Bondi Surf Club");
    screenshot("preview-download-all-companies");
    runIt("Download all companies from Synergy");
    assertThat(count("COMPANY", "SYNERGY_TO_TINYPLUS", 3)).as("created").isEqualTo("1");
    assertThat(count("COMPANY", "SYNERGY_TO_TINYPLUS", 4)).as("linked").isEqualTo("1");
    screenshot("download-all-companies");
    assertThat(tinyPlusCompanies()).contains("Bondi Surf Club", "Manly Dental", "Coogee Bakery");
    run("Preview Upload all companies");
    assertThat(previewRows("COMPANY", "CREATED")).hasSize(1);
    assertThat(synergyContacts()).doesNotContain("Coogee Bakery");
    runIt("Upload all companies to Synergy");
    assertThat(count("COMPANY", "TINYPLUS_TO_SYNERGY", 3)).as("created").isEqualTo("1");
    assertThat(synergyContacts()).contains("Coogee Bakery");
    run("Download all contacts from Synergy");
    assertThat(world.tinyPlus().webApp().contacts()).extracting(c -> c.firstName() + " " + c.lastName())
        .contains("Kim Nguyen");
    run("Upload all contacts to Synergy");
    assertThat(world.synergy().webApp().personnel()).extracting(p -> p.firstName() + " " + p.lastName())
        .contains("Ana Silva");
  }

  /** Configure Project Statuses: the proposal, a locked phase and the problem it makes next to its row, the fix. */
  private void mapStatuses() {
    open("project-statuses");
    assertThat(text(By.id("mapping-origin"))).contains("proposed");
    long proposal = world.synergy().webApp().statusNamed("Proposal").id();
    long enquiry = phaseId("Enquiry");
    assertThat(selected("status-" + proposal)).isEqualTo("proposed / Enquiry");
    click(By.id("lock-phase-" + enquiry));
    click(By.xpath("//form[@aria-label='Project status mapping']//button[.='Save']"));
    assertThat(text(By.id("problems-status-" + proposal))).contains("Synergy status 'Proposal'")
        .contains("which is locked");
    screenshot("project-statuses-problem");
    new Select(browser.findElement(By.id("status-" + proposal))).selectByVisibleText("proposed / Fee Proposal");
    click(By.xpath("//form[@aria-label='Project status mapping']//button[.='Save']"));
    assertThat(text(By.id("flash"))).contains("The mapping is complete.");
    assertThat(text(By.id("problem-count"))).contains("No problems");
    assertThat(browser.findElement(By.id("lock-phase-" + enquiry)).isSelected()).isTrue();
  }

  private void discoverTypes() {
    open("project-types");
    click(By.xpath("//button[.=\"Find Synergy's project types\"]"));
    assertThat(text(By.id("flash"))).contains("Community");
    assertThat(cells(By.cssSelector("#tinyplus-types li"))).contains("Community", "Retail");
    click(By.xpath("//form[@aria-label='Project type pairs']//button[.='Save']"));
    screenshot("project-types");
  }

  private void projects() {
    open("");
    assertThat(browser.findElements(By.id("reasons-project"))).isEmpty();
    click(By.xpath("//button[.='Turn on Projects / Projects']"));
    assertThat(text(By.cssSelector("#type-project .state"))).isEqualTo("On");
    screenshot("configuration-on");
    run("Download all projects from Synergy");
    assertThat(world.tinyPlus().webApp().projects()).extracting(p -> p.name()).contains("Bondi clubhouse extension");
    run("Upload all projects to Synergy");
    assertThat(world.synergy().webApp().projects()).extracting(p -> p.name()).contains("Coogee Bakery shopfront");
  }

  /** Records edited on both sides; a cycle writes them across, the next has nothing left to write. */
  private void editsSettle() {
    Company manly = tinyPlusCompany("Manly Dental");
    world.tinyPlus().webApp().editCompany(manly.id(), CompanyPatch.builder().email("hello@manlydental.example")
        .build());
    Contact bondi = synergyContact("Bondi Surf Club");
    world.synergy().webApp().editContact(bondi.id(), ContactPatch.builder().phone("02 9300 4455").build());
    run("Preview one sync cycle");
    assertThat(String.join("\n", previewRows("COMPANY", "UPDATED")))
        .contains("'reception@manlydental.example' to 'hello@manlydental.example'")
        .contains("'02 9300 4455'");
    assertThat(synergyContact("Manly Dental").email()).isEqualTo("reception@manlydental.example");
    screenshot("preview-cycle");
    runIt("One sync cycle");
    assertThat(count("COMPANY", "TINYPLUS_TO_SYNERGY", 5)).as("updated").isEqualTo("1");
    assertThat(count("COMPANY", "SYNERGY_TO_TINYPLUS", 5)).as("updated").isEqualTo("1");
    assertThat(synergyContact("Manly Dental").email()).isEqualTo("hello@manlydental.example");
    assertThat(tinyPlusCompany("Bondi Surf Club").officePhone()).isEqualTo("02 9300 4455");
    cycle();
    assertThat(cells(By.cssSelector(".counts td:nth-child(5)"))).as("updated")
        .allMatch(updated -> updated.equals("0"));
    open("health");
    assertThat(text(By.id("no-failing"))).contains("None");
    assertThat(healthCount("COMPANY", 2)).as("companies in sync").isEqualTo("3");
    assertThat(healthCount("TEAM_MEMBER", 2)).as("team members in sync").isEqualTo("4");
  }

  /** An ABN typed wrong in tiny+ fails in Synergy; once fixed, Retry now sends it. */
  private void retryAFailingRecord() {
    Company manly = tinyPlusCompany("Manly Dental");
    world.tinyPlus().webApp().editCompany(manly.id(), CompanyPatch.builder().abn("53004085617").build());
    cycle();
    open("health");
    WebElement row = browser.findElement(By.cssSelector("#failing tr[data-id='" + manly.id() + "']"));
    List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells.get(0)).isEqualTo("company tiny+ " + manly.id());
    assertThat(cells.get(1)).isEqualTo("abn");
    assertThat(cells.get(2)).isNotBlank();
    assertThat(cells.get(5)).as("next retry").endsWith("UTC");
    assertThat(healthCount("COMPANY", 3)).as("failing").isEqualTo("1");
    screenshot("health-failing");

    world.tinyPlus().webApp().editCompany(manly.id(), CompanyPatch.builder().abn(FakeWorld.GOOD_ABN).build());
    click(By.xpath("//button[.='Retry company tiny+ " + manly.id() + " now']"));
    assertThat(text(By.id("no-failing"))).contains("None");
    assertThat(synergyContact("Manly Dental").abn()).isEqualTo(FakeWorld.GOOD_ABN);
    assertThat(cells(By.cssSelector("#runs tbody tr"))).isNotEmpty();
    screenshot("health");
  }

  /** A contact deleted in tiny+ orphans its link once its Synergy partner changes; the operator dismisses it. */
  private void dismissAnOrphan() {
    long kim = world.tinyPlus().webApp().contacts().stream().filter(c -> "Kim".equals(c.firstName())).findFirst()
        .orElseThrow().id();
    world.tinyPlus().webApp().deleteContact(kim);
    long kimInSynergy = world.synergy().webApp().personnel().stream().filter(p -> "Kim".equals(p.firstName()))
        .findFirst().orElseThrow().id();
    world.synergy().webApp().editPersonnel(kimInSynergy, PersonnelPatch.builder().mobile("0400 111 222").build());
    cycle();
    open("health");
    assertThat(cells(By.cssSelector("#orphaned tbody tr[data-id='" + kimInSynergy + "'] td")))
        .startsWith("contacts", String.valueOf(kimInSynergy), String.valueOf(kim));
    assertThat(healthCount("CONTACT", 5)).as("orphaned").isEqualTo("1");
    screenshot("health-orphaned");
    click(By.xpath("//button[.='Dismiss the orphaned link of Synergy " + kimInSynergy + "']"));
    assertThat(text(By.id("flash"))).contains("nothing was written");
    assertThat(text(By.id("no-orphaned"))).isEqualTo("None.");
    assertThat(world.synergy().webApp().personnel(kimInSynergy).mobile()).isEqualTo("0400 111 222");
  }

  // ---------------------------------------------------------------- the browser

  private void open(String path) {
    browser.get(page.url() + path);
    record();
  }

  private void click(By by) {
    browser.findElement(by).click();
    record();
  }

  /** Keeps each page's source and address for the token check, and checks every control has a label. */
  private void record() {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    wait.until(d -> js.executeScript("return document.readyState").equals("complete"));
    addresses.add(browser.getCurrentUrl());
   
    sources.add(browser.getPageSource());
    // one script call: the controls (other than hidden fields) without an id or without exactly one label for it
    Object unlabelled = js.executeScript("return Array.from(document.querySelectorAll("
        + "'input:not([type=hidden]), select, textarea')).filter(function(c){return !c.id"
        + " || document.querySelectorAll('label[for=\"'+c.id+'\"]').length!==1;})"
        + ".map(function(c){return c.outerHTML;});");
    assertThat((List<?>) unlabelled).as("controls without a label on " + browser.getCurrentUrl()).isEmpty();
  }

  /** Starts a manual run by its button and waits on its page until the progress bar gives way to the report. */
  private void run(String button) {
    open("sync");
    click(By.xpath("//button[.='" + button + "']"));
    wait.until(ExpectedConditions.textToBe(By.id("run-state"), "Finished."));
    record();
    assertThat(browser.findElements(By.id("run-failure"))).as(button + " failed").isEmpty();
  }

  /** On a finished preview's page: runs what it previewed, and waits for the report. */
  private void runIt(String label) {
    click(By.xpath("//button[.='Run it now: " + label + "']"));
    wait.until(ExpectedConditions.textToBe(By.id("run-state"), "Finished."));
    record();
    assertThat(browser.findElements(By.id("run-failure"))).as(label + " failed").isEmpty();
  }

  /** The rows of the preview with one outcome, each row's text. */
  private List<String> previewRows(String type, String outcome) {
    return cells(By.cssSelector("#preview tr[data-type='" + type + "'][data-outcome='" + outcome + "']"));
  }

  private void cycle() {
    run("Run one sync cycle now");
  }

  private String count(String type, String flow, int column) {
    return text(By.cssSelector(".counts tr[data-type='" + type + "'][data-flow='" + flow + "'] td:nth-child("
        + column + ")"));
  }

  private String healthCount(String type, int column) {
    return text(By.cssSelector("#health-counts tr[data-type='" + type + "'] td:nth-child(" + column + ")"));
  }

  private String text(By by) {
    return browser.findElement(by).getText();
  }

  private List<String> cells(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).collect(Collectors.toList());
  }

  private String selected(String selectId) {
    return new Select(browser.findElement(By.id(selectId))).getFirstSelectedOption().getText();
  }

  private void screenshot(String name) {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++screenshot, name)), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- the fake servers' records

  private long staffId(String firstName) {
    return world.synergy().webApp().staff().stream().filter(s -> firstName.equals(s.firstName())).findFirst()
        .orElseThrow().id();
  }

  private long phaseId(String name) {
    return world.tinyPlus().webApp().phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
        .id();
  }

  private List<String> tinyPlusCompanies() {
    return world.tinyPlus().webApp().companies().stream().map(Company::name).toList();
  }

  private List<String> synergyContacts() {
    return world.synergy().webApp().contacts().stream().map(Contact::name).toList();
  }

  private Company tinyPlusCompany(String name) {
    return world.tinyPlus().webApp().companies().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow();
  }

  private Contact synergyContact(String name) {
    return world.synergy().webApp().contacts().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow();
  }
}
