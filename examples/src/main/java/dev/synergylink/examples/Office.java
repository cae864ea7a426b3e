package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.TeamMemberPatch;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The people of the firm at work between two sync cycles: they edit records in the Synergy web app and in the
 * tiny+ app (the fakes' back doors, not the API), as a scripted day: new clients on both sides, edits on both
 * sides, the same field changed on both sides (a conflict), an ABN typed wrong in tiny+ and then fixed, a job title
 * changed in Synergy, a locked field edited in tiny+, a stage fee changed in Synergy, a project parked in a locked
 * phase in tiny+ and moved back, a project number edited in tiny+. Each edit is printed. Not thread-safe.
 */
final class Office {
  private final SynergyFake synergy;
  private final TinyPlusFake tinyPlus;
  private final FirmData firm;
  private final StateStore store;
  private final SyncSettings settings;
  private final String connectionId;
  private final ManualClock clock;
  private final PrintStream out;
  private final int day;
  private String badAbnCompany;
  private long badAbnTinyPlusId;
  private String goodAbn;
  private long parkedProject;
  private TinyPlusStatus parkedFrom;

  Office(SynergyFake synergy, TinyPlusFake tinyPlus, FirmData firm, StateStore store, SyncSettings settings,
      ManualClock clock, PrintStream out, int day) {
    this.synergy = synergy;
    this.tinyPlus = tinyPlus;
    this.firm = firm;
    this.store = store;
    this.settings = settings;
    this.connectionId = settings.connectionId();
    this.clock = clock;
    this.out = out;
    this.day = day;
  }

  /** The new clients of each day: a Synergy club and its president, a tiny+ lead and its practice manager. */
  private static final String[][] NEW_CLIENTS = {
      {"Tamarama Surf Life Saving Club", "committee@tamaramaslsc.org.au", "Bronte", "Hayes",
          "Lane Cove Family Medical", "practice@lanecovemedical.com.au", "Aisha", "Rahman"},
      {"Clovelly Bowling Club", "secretary@clovellybowls.org.au", "Maroubra", "Quinn",
          "Balgowlah Dental Studio", "hello@balgowlahdental.com.au", "Priya", "Raman"},
      {"Coogee Rowing Club", "captain@coogeerowing.org.au", "Gordon", "Bay", "Mona Vale Physiotherapy",
          "reception@monavalephysio.com.au", "Tom", "Nakamura"}};

  /** How many scripted rounds of edits there are. */
  static final int ROUNDS = 3;

  /**
   * Makes one round of edits, spread over a few simulated minutes.
   *
   * @param round 1 to {@link #ROUNDS}
   */
  void work(int round) {
    switch (round) {
      case 1: morning(); break;
      case 2: midday(); break;
      case 3: afternoon(); break;
      default: throw new IllegalArgumentException("round must be 1 to " + ROUNDS + ", was " + round);
    }
  }

  private void morning() {
    FirmData.CompanyPair first = firm.sharedCompanies.get(0);
    synergy.webApp().editContact(first.synergy.id(), ContactPatch.builder().phone("02 9251 7700").build());
    say("Synergy", "changes the phone of " + first.synergy.name() + " to 02 9251 7700");
    pause();
    // each day brings other new clients: a second run of the demo is the firm's next day
    String[] newClient = NEW_CLIENTS[(day - 1) % NEW_CLIENTS.length];
    String suffix = day > NEW_CLIENTS.length ? " " + ((day - 1) / NEW_CLIENTS.length + 1) : "";
    Contact club = synergy.webApp().createContact(ContactCreate.builder().name(newClient[0] + suffix)
        .email(newClient[1]).abn(day == 1 ? "53004085616" : null).phone("02 9300 1122").build());
    synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(club.id()).firstName(newClient[2])
        .lastName(newClient[3]).title("President").email(newClient[2].toLowerCase(java.util.Locale.ROOT) + "@"
            + newClient[1].substring(newClient[1].indexOf('@') + 1)).build());
    say("Synergy", "adds a new client, " + club.name() + ", with its president " + newClient[2] + " "
        + newClient[3]);
    pause();
    Company clinic = tinyPlus.webApp().createCompany(CompanyCreate.builder().name(newClient[4] + suffix)
        .email(newClient[5]).officePhone("02 9427 3300").build());
    tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder().firstName(newClient[6])
        .lastName(newClient[7]).role("Practice Manager").emailAddress(newClient[6].toLowerCase(java.util.Locale.ROOT)
            + "@" + newClient[5].substring(newClient[5].indexOf('@') + 1))
        .primaryCompany(clinic.id()).build());
    say("tiny+", "adds a new lead, " + clinic.name() + ", with its practice manager " + newClient[6] + " "
        + newClient[7]);
    pause();
    dev.synergylink.tinyplus.Contact person = firm.contacts.get(0);
    tinyPlus.webApp().editContact(person.id(), dev.synergylink.tinyplus.ContactPatch.builder().mobile("0412 555 010").build());
    say("tiny+", "updates the mobile of " + person.name() + " to 0412 555 010");
    pause();
    Link job = linkedProjects().get(0);
    Project project = synergy.webApp().project(job.synergyId());
    Stage stage = project.stages().get(0);
    BigDecimal fee = stage.fee().add(BigDecimal.valueOf(4_500));
    project = synergy.webApp().changeStageFee(project.id(), stage.id(), fee);
    say("Synergy", "raises the " + stage.name() + " stage of project " + project.name() + " to " + fee.toPlainString()
        + " (total fee " + project.totalFee().toPlainString() + "; tiny+'s value follows the stage fees)");
  }

  private void midday() {
    FirmData.CompanyPair pair = firm.sharedCompanies.get(1);
    String domain = pair.synergy.email().substring(pair.synergy.email().indexOf('@') + 1);
    synergy.webApp().editContact(pair.synergy.id(), ContactPatch.builder().email("accounts@" + domain).build());
    say("Synergy", "sets the email of " + pair.synergy.name() + " to accounts@" + domain);
    pause();
    tinyPlus.webApp().editCompany(pair.tinyPlus.id(), CompanyPatch.builder().email("projects@" + domain).build());
    say("tiny+", "a minute later, sets the email of the same company to projects@" + domain + " (a conflict)");
    pause();
    FirmData.CompanyPair typo = firm.sharedCompanies.get(2);
    goodAbn = synergy.webApp().contact(typo.synergy.id()).abn();
    String wrong = goodAbn.substring(0, 10) + (char) ('0' + (goodAbn.charAt(10) - '0' + 1) % 10);
    badAbnCompany = typo.synergy.name();
    badAbnTinyPlusId = typo.tinyPlus.id();
    tinyPlus.webApp().editCompany(badAbnTinyPlusId, CompanyPatch.builder().abn(wrong).build());
    say("tiny+", "types the ABN of " + badAbnCompany + " wrong: " + wrong + " (Synergy checks ABNs)");
    pause();
    Staff staff = firm.staff.get(3);
    synergy.webApp().editStaff(staff.id(), Map.of("jobTitle", "Associate"));
    say("Synergy", "promotes " + staff.firstName() + " " + staff.lastName() + " to Associate");
    pause();
    ProjectPhase enquiry = tinyPlus.webApp().phases().stream()
        .filter(p -> settings.statusMapping().lockedPhases().contains(p.id())).findFirst().orElseThrow();
    Link job = linkedProjects().get(1);
    dev.synergylink.tinyplus.Project project = tinyPlus.webApp().project(job.tinyPlusId());
    parkedProject = project.id();
    parkedFrom = TinyPlusStatus.of(project.state(), project.phase());
    tinyPlus.webApp().editProject(parkedProject, ProjectPatch.builder().state(enquiry.state()).phase(enquiry.id())
        .description("Client asked to re-scope: waiting on the brief").build());
    say("tiny+", "parks project " + project.name() + " in " + enquiry.name() + ", a locked phase, and rewrites its"
        + " description (nothing goes to Synergy while it is there)");
  }

  private void afternoon() {
    tinyPlus.webApp().editCompany(badAbnTinyPlusId, CompanyPatch.builder().abn(goodAbn).build());
    say("tiny+", "fixes the ABN of " + badAbnCompany + " back to " + goodAbn + " (Synergy never took the wrong"
        + " one, so nothing needs sending and the company leaves quarantine)");
    pause();
    Staff staff = firm.staff.get(1);
    Link link = linkOf(RecordType.TEAM_MEMBER, staff.id());
    if (link != null) {
      tinyPlus.webApp().editTeamMember(link.tinyPlusId(), TeamMemberPatch.builder().title("Chief Coffee Officer")
          .build());
      say("tiny+", "edits the title of " + staff.firstName() + " " + staff.lastName()
          + ", a field Synergy owns (tiny+ shows it locked)");
      pause();
    }
    Contact synergyOnly = firm.synergyOnlyCompanies.get(0);
    synergy.webApp().editContact(synergyOnly.id(), ContactPatch.builder().website("https://www.example-new-site.com.au")
        .twitter("@newsite").build());
    say("Synergy", "updates the website and Twitter of " + synergyOnly.name());
    pause();
    dev.synergylink.tinyplus.Project parked = tinyPlus.webApp().editProject(parkedProject, ProjectPatch.builder()
        .state(parkedFrom.state()).phase(parkedFrom.phase()).build());
    say("tiny+", "moves project " + parked.name() + " back out of the locked phase (its new description now goes to"
        + " Synergy)");
    pause();
    Link job = linkedProjects().get(2);
    dev.synergylink.tinyplus.Project numbered = tinyPlus.webApp().editProject(job.tinyPlusId(),
        ProjectPatch.builder().projectNumber("HV-TEMP-1").build());
    say("tiny+", "types project number HV-TEMP-1 on project " + numbered.name() + " (Synergy owns project numbers:"
        + " it is put back)");
  }

  /** The linked projects, in Synergy id order, so that the same run picks the same projects. */
  private List<Link> linkedProjects() {
    List<Link> links = new ArrayList<>();
    store.links(connectionId, RecordType.PROJECT).forEach(l -> {
      if (!l.orphaned()) {
        links.add(l);
      }
    });
    links.sort(java.util.Comparator.comparingLong(Link::synergyId));
    return links;
  }

  private Link linkOf(RecordType type, long synergyId) {
    return store.linksBySynergyId(connectionId, type, List.of(synergyId)).get(synergyId);
  }

  private void pause() {
    clock.advance(Duration.ofSeconds(40));
  }

  private void say(String where, String what) {
    out.println("    [" + where + "] " + what);
  }
}
