package dev.synergylink.admin;

import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Synergy and tiny+ as fake servers on loopback (from sync-core-testkit), holding a small architecture firm's
 * records, so the admin page runs with no setup and no real account. Time is the system clock: a person clicks
 * through the screens in real time.
 *
 * <p>The Synergy fake's lists show each write at once: the real Synergy lists lag writes by up to 5 s (the engine's
 * lookback covers that), which would only make a person wait for a cycle to see their edit.
 */
public final class FakeWorld implements AutoCloseable {
  /** The Synergy organisation the fake serves. */
  public static final String ORGANISATION = "harbour-vale";
  /** An ABN that passes the checksum Synergy checks. */
  public static final String GOOD_ABN = "53004085616";

  private final SynergyFake synergy;
  private final TinyPlusFake tinyPlus;
  private final SynergyHttpFakeServer synergyServer;
  private final TinyPlusHttpFakeServer tinyPlusServer;

  private FakeWorld() {
    Clock clock = Clock.systemUTC();
    synergy = SynergyFake.builder(clock).organisation(ORGANISATION).replicaLag(Duration.ZERO).build();
    tinyPlus = TinyPlusFake.builder(clock).account(4711, "Harbour & Vale Architects").build();
    seed();
    synergyServer = SynergyHttpFakeServer.start(synergy);
    tinyPlusServer = TinyPlusHttpFakeServer.start(tinyPlus);
  }

  /**
   * Seeds both fakes and starts their servers on free loopback ports.
   *
   * @return the running world; close it to stop the servers
   */
  public static FakeWorld start() {
    return new FakeWorld();
  }

  /** Staff and team members, companies and contacts on each side (one company on both), a project each side. */
  private void seed() {
    Staff jordan = synergy.webApp().addStaff("Jordan", "Lee", "jordan.lee@harbourvale.example",
        SecurityLevel.STANDARD);
    synergy.webApp().addStaff("Sam", "Taylor", "sam.taylor@harbourvale.example", SecurityLevel.STANDARD);
    synergy.webApp().addStaff("Priya", "Shah", "priya.shah@harbourvale.example", SecurityLevel.STANDARD);
    tinyPlus.webApp().inviteTeamMember("Jordan Lee", "Jordan.Lee@harbourvale.example");
    // the same person under another email: the engine suggests the link by name
    TeamMember sam = tinyPlus.webApp().inviteTeamMember("Sam Taylor", "sam@harbourvale.example");

    Contact manly = synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder()
        .name("Manly Dental").abn(GOOD_ABN).email("reception@manlydental.example").build());
    Contact bondi = synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder()
        .name("Bondi Surf Club").email("committee@bondisurf.example").phone("02 9300 1122").build());
    synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(bondi.id()).firstName("Kim")
        .lastName("Nguyen").email("kim@bondisurf.example").build());
    synergy.webApp().createProject(ProjectCreate.builder().name("Bondi clubhouse extension")
        .statusId(synergy.webApp().statusNamed("Active").id()).primaryContactId(bondi.id())
        .projectType("Community").managerId(jordan.id()).initialFee(new BigDecimal("48000")).build());

    tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Manly Dental")
        .email("reception@manlydental.example").build());
    Company coogee = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Coogee Bakery")
        .email("hello@coogeebakery.example").build());
    tinyPlus.webApp().createContact(ContactCreate.builder().firstName("Ana").lastName("Silva")
        .emailAddress("ana@coogeebakery.example").primaryCompany(coogee.id()).build());
    tinyPlus.webApp().addProjectType("Retail");
    ProjectPhase feeProposal = tinyPlus.webApp().phases().stream().filter(p -> p.name().equals("Fee Proposal"))
        .findFirst().orElseThrow();
    tinyPlus.webApp().createProject(dev.synergylink.tinyplus.ProjectCreate.builder().name("Coogee Bakery shopfront")
        .state(ProjectState.PROPOSED).phase(feeProposal.id()).clientCompany(coogee.id()).projectType("Retail")
        .assignedUser(sam.id()).build());
  }

  /**
   * The Synergy fake, to read or edit records as a person in Synergy would ({@code synergy().webApp()}).
   *
   * @return the fake
   */
  public SynergyFake synergy() {
    return synergy;
  }

  /**
   * The tiny+ fake, to read or edit records as a person in tiny+ would ({@code tinyPlus().webApp()}).
   *
   * @return the fake
   */
  public TinyPlusFake tinyPlus() {
    return tinyPlus;
  }

  /**
   * The Synergy fake server: API, OAuth endpoints and the authorize page.
   *
   * @return the server
   */
  public SynergyHttpFakeServer synergyServer() {
    return synergyServer;
  }

  /**
   * The tiny+ fake server.
   *
   * @return the server
   */
  public TinyPlusHttpFakeServer tinyPlusServer() {
    return tinyPlusServer;
  }

  /** Stops both servers. */
  @Override
  public void close() {
    synergyServer.close();
    tinyPlusServer.close();
  }
}
