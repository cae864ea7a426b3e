package dev.synergylink.benchmarks;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.sync.SyncEngine;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The generated world: {@code n} companies, {@code n} contacts (one per company) and {@code n} projects (one per
 * company) per side, and {@link #TEAM_MEMBERS} team members, the same values for the same {@code n}. A firm's staff
 * list is short, so team members do not grow with {@code n}.
 */
final class World {
  /** Synergy staff (and tiny+ team members) in every world. */
  static final int TEAM_MEMBERS = 50;

  private final int n;
  private final long[] synergyCompanies;
  private final long[] synergyContacts;
  private final long[] synergyProjects;
  private final String[] projectNumbers;
  private final long[] tinyPlusCompanies;
  private final long[] tinyPlusContacts;
  private final long[] tinyPlusProjects;
  private int churned;

  private World(int n) {
    this.n = n;
    synergyCompanies = new long[n];
    synergyContacts = new long[n];
    synergyProjects = new long[n];
    projectNumbers = new String[n];
    tinyPlusCompanies = new long[n];
    tinyPlusContacts = new long[n];
    tinyPlusProjects = new long[n];
  }

  /**
   * The world in Synergy only, tiny+ empty: what "Download all" starts from.
   *
   * @param c the connection
   * @param n records per type
   * @return the world
   */
  static World inSynergy(Connection c, int n) {
    World w = new World(n);
    w.staff(c);
    w.synergySide(c);
    c.clock.advance(Duration.ofMinutes(1));
    return w;
  }

  /**
   * The world in tiny+ only, Synergy empty: what "Upload all" starts from.
   *
   * @param c the connection
   * @param n records per type
   * @return the world
   */
  static World inTinyPlus(Connection c, int n) {
    World w = new World(n);
    w.tinyPlusSide(c, false);
    c.clock.advance(Duration.ofMinutes(1));
    return w;
  }

  /**
   * The world on both sides, each tiny+ record a marked copy of its Synergy record (as a first Download all would
   * have left them), linked by the engine: the first cycle starts the cursors, Upload all links each marked copy to
   * its original (one read by id each: no listing of the other side), and cycles run until one writes nothing.
   *
   * @param c the connection
   * @param n records per type
   * @return the world, linked and idle
   */
  static World linked(Connection c, int n) {
    World w = new World(n);
    w.staff(c);
    w.synergySide(c);
    w.tinyPlusSide(c, true);
    for (int i = 0; i < TEAM_MEMBERS; i++) {
      c.tinyPlus.webApp().inviteTeamMember("Staff " + i + " Member", "staff" + i + "@firm.example");
    }
    c.clock.advance(Duration.ofMinutes(1));
    c.engine().teamMembers().link(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID,
        dev.synergylink.sync.testkit.TinyPlusFake.ADMIN_ID);
    check(c.cycle());
    c.clock.advance(Duration.ofMinutes(1));
    check(c.engine().downloadAll(RecordType.TEAM_MEMBER, ProgressListener.none()));
    for (RecordType type : new RecordType[] {RecordType.COMPANY, RecordType.CONTACT, RecordType.PROJECT}) {
      c.clock.advance(Duration.ofMinutes(1));
      check(c.engine().uploadAll(type, ProgressListener.none()));
    }
    for (int i = 0; i < 5; i++) {
      c.resetCounts();
      check(c.cycle());
      if (c.writes() == 0) {
        c.resetCounts();
        return w;
      }
    }
    throw new IllegalStateException("the linked world did not settle: the cycles kept writing");
  }

  private static void check(SyncReport report) {
    if (report.aborted()) {
      throw new IllegalStateException("a setup run stopped: " + report.abortedBecause());
    }
  }

  private void staff(Connection c) {
    for (int i = 0; i < TEAM_MEMBERS; i++) {
      c.synergy.webApp().addStaff("Staff " + i, "Member", "staff" + i + "@firm.example", SecurityLevel.STANDARD);
    }
  }

  private void synergySide(Connection c) {
    long active = c.synergy.webApp().statusNamed("Active").id();
    for (int i = 0; i < n; i++) {
      Contact company = c.synergy.webApp().createContact(ContactCreate.builder().name(companyName(i))
          .email(email("info", i)).phone(phone(i)).build());
      synergyCompanies[i] = company.id();
      synergyContacts[i] = c.synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(company.id())
          .firstName("Person").lastName(Integer.toString(i)).email(email("person", i)).build()).id();
      dev.synergylink.synergy.Project project = c.synergy.webApp().createProject(
          dev.synergylink.synergy.ProjectCreate.builder().name(projectName(i)).statusId(active)
              .primaryContactId(company.id()).managerId(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID)
              .build());
      synergyProjects[i] = project.id();
      projectNumbers[i] = project.projectNumber();
    }
  }

  /**
   * The tiny+ records; as copies, each carries what the engine writes on a copy it makes (the markers, the web link,
   * the locked fields and the values it owns), so that linking them finds nothing to write.
   */
  private void tinyPlusSide(Connection c, boolean copies) {
    String origin = c.settings.syncOrigin();
    String web = c.settings.synergyWebAddress() + "/Organisation/" + c.settings.synergyOrganisation() + "/";
    SyncEngine engine = c.engine();
    for (int i = 0; i < n; i++) {
      CompanyCreate.Builder company = CompanyCreate.builder().name(companyName(i)).email(email("info", i))
          .officePhone(phone(i));
      if (copies) {
        company.remoteId(Long.toString(synergyCompanies[i])).syncOrigin(origin).isSynced(true)
            .externalUrl(web + "Contacts/" + synergyCompanies[i]).lockedFields(engine.lockedFields(RecordType.COMPANY));
      }
      tinyPlusCompanies[i] = c.tinyPlus.webApp().createCompany(company.build()).id();
      dev.synergylink.tinyplus.ContactCreate.Builder contact = dev.synergylink.tinyplus.ContactCreate.builder()
          .firstName("Person").lastName(Integer.toString(i)).emailAddress(email("person", i))
          .primaryCompany(tinyPlusCompanies[i]);
      if (copies) {
        contact.remoteId(Long.toString(synergyContacts[i])).syncOrigin(origin).isSynced(true)
            .externalUrl(web + "Personnel/" + synergyContacts[i]).lockedFields(engine.lockedFields(RecordType.CONTACT));
      }
      tinyPlusContacts[i] = c.tinyPlus.webApp().createContact(contact.build()).id();
      dev.synergylink.tinyplus.ProjectCreate.Builder project = dev.synergylink.tinyplus.ProjectCreate.builder()
          .name(projectName(i)).state(ProjectState.ACTIVE).clientCompany(tinyPlusCompanies[i])
          // managed by the admins, linked with each other: a project with no manager would get the activating user
          .assignedUser(dev.synergylink.sync.testkit.TinyPlusFake.ADMIN_ID);
      if (copies) {
        project.remoteId(Long.toString(synergyProjects[i])).syncOrigin(origin).isSynced(true)
            .externalUrl(web + "Projects/" + synergyProjects[i]).lockedFields(engine.lockedFields(RecordType.PROJECT))
            .projectNumber(projectNumbers[i]).value(BigDecimal.ZERO.setScale(2));
      }
      tinyPlusProjects[i] = c.tinyPlus.webApp().createProject(project.build()).id();
    }
  }

  /**
   * Edits 1% of the records of each type (companies, contacts, projects), each once, alternately in Synergy and in
   * tiny+, the way people would between two cycles; then a minute passes. Each call edits the next 1%.
   *
   * @param c the connection
   * @return how many records were edited
   */
  int churn(Connection c) {
    int count = Math.max(1, n / 100);
    for (int k = 0; k < count; k++) {
      int i = (churned + k) % n;
      String stamp = "r" + (churned + k);
      if (i % 2 == 0) {
        c.synergy.webApp().editContact(synergyCompanies[i], ContactPatch.builder().email(email(stamp, i)).build());
        c.synergy.webApp().editPersonnel(synergyContacts[i], PersonnelPatch.builder().email(email(stamp, i))
            .build());
        c.synergy.webApp().editProject(synergyProjects[i], dev.synergylink.synergy.ProjectPatch.builder()
            .name(projectName(i) + " " + stamp).build());
      } else {
        c.tinyPlus.webApp().editCompany(tinyPlusCompanies[i], CompanyPatch.builder().email(email(stamp, i)).build());
        c.tinyPlus.webApp().editContact(tinyPlusContacts[i], dev.synergylink.tinyplus.ContactPatch.builder()
            .emailAddress(email(stamp, i)).build());
        c.tinyPlus.webApp().editProject(tinyPlusProjects[i], dev.synergylink.tinyplus.ProjectPatch.builder()
            .name(projectName(i) + " " + stamp).build());
      }
    }
    churned += count;
    c.clock.advance(Duration.ofMinutes(1));
    return count * 3;
  }

  /** Records per type (companies, contacts, projects). */
  int size() {
    return n;
  }

  private static String companyName(int i) {
    return String.format(Locale.ROOT, "Company %06d Pty Ltd", i);
  }

  private static String projectName(int i) {
    return String.format(Locale.ROOT, "Project %06d", i);
  }

  private static String email(String who, int i) {
    return who + "@c" + i + ".example";
  }

  private static String phone(int i) {
    return String.format(Locale.ROOT, "02 9%03d %04d", (i / 10_000) % 1000, i % 10_000);
  }
}
