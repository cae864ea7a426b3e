package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.TeamMemberPatch;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The people of the firm at work between two sync cycles: they edit records in the Synergy web app and in the
 * tiny+ app (the fakes' back doors, not the API), as a scripted day: new clients on both sides, edits on both
 * sides, the same field changed on both sides (a conflict), an ABN typed wrong in tiny+ and then fixed, a job title
 * changed in Synergy, a locked field edited in tiny+. Each edit is printed. Not thread-safe.
 */
final class Office {
  private final SynergyFake synergy;
  private final TinyPlusFake tinyPlus;
  private final FirmData firm;
  private final StateStore store;
  private final String connectionId;
  private final ManualClock clock;
  private final PrintStream out;
  private String badAbnCompany;
  private long badAbnTinyPlusId;
  private String goodAbn;

  Office(SynergyFake synergy, TinyPlusFake tinyPlus, FirmData firm, StateStore store, String connectionId,
      ManualClock clock, PrintStream out) {
    this.synergy = synergy;
    this.tinyPlus = tinyPlus;
    this.firm = firm;
    this.store = store;
    this.connectionId = connectionId;
    this.clock = clock;
    this.out = out;
  }

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
    Contact club = synergy.webApp().createContact(ContactCreate.builder().name("Tamarama Surf Life Saving Club")
        .email("committee@tamaramaslsc.org.au").abn("53004085616").phone("02 9300 1122").build());
    synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(club.id()).firstName("Bronte")
        .lastName("Hayes").title("President").email("bronte.hayes@tamaramaslsc.org.au").build());
    say("Synergy", "adds a new client, " + club.name() + ", with its president Bronte Hayes");
    pause();
    Company clinic = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Lane Cove Family Medical")
        .email("practice@lanecovemedical.com.au").officePhone("02 9427 3300").build());
    tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder().firstName("Aisha")
        .lastName("Rahman").role("Practice Manager").emailAddress("aisha@lanecovemedical.com.au")
        .primaryCompany(clinic.id()).build());
    say("tiny+", "adds a new lead, " + clinic.name() + ", with its practice manager Aisha Rahman");
    pause();
    dev.synergylink.tinyplus.Contact person = firm.contacts.get(0);
    tinyPlus.webApp().editContact(person.id(), dev.synergylink.tinyplus.ContactPatch.builder().mobile("0412 555 010").build());
    say("tiny+", "updates the mobile of " + person.name() + " to 0412 555 010");
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
