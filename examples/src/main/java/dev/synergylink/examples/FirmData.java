package dev.synergylink.examples;

import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyWebApp;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusWebApp;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The records of a small architecture firm, Harbour &amp; Vale Architects, as a person would have typed them into
 * both systems before the integration: staff and team members, client companies and their people, projects. Some
 * records are only in Synergy, some only in tiny+, and some in both with the small differences two people make
 * (another phone format, a capitalised email, a missing Twitter handle, spaces in the ABN).
 *
 * <p>Deterministic: the same seed gives the same firm, ids included (both fakes must start empty).
 */
public final class FirmData {
  /** The firm's Synergy organisation slug. */
  public static final String ORGANISATION = "harbour-vale";

  private static final String[] FIRST = {"Olivia", "Noah", "Charlotte", "Jack", "Amelia", "William", "Isla", "Oliver",
      "Mia", "Thomas", "Ava", "James", "Grace", "Lucas", "Chloe", "Henry", "Zoe", "Leo", "Ruby", "Ethan", "Sophie",
      "Liam", "Harper", "Mason", "Ella", "Archie", "Matilda", "Hugo", "Evie", "Oscar"};
  private static final String[] LAST = {"Nguyen", "Smith", "Chen", "Williams", "Patel", "Brown", "Kelly", "Wilson",
      "Taylor", "Singh", "Martin", "Anderson", "Murphy", "Thompson", "Walker", "Lee", "Harris", "Ryan", "King",
      "Clarke", "Young", "Wright", "Scott", "Green", "Baker", "Hall", "Evans", "Roberts", "Turner", "Hughes"};
  private static final String[] FIRM_WORDS = {"Bondi", "Parramatta", "Coastal", "Northern", "Harbourside",
      "Greenfield", "Southern Cross", "Blue Gum", "Redfern", "Ironbark", "Wattle", "Eucalypt", "Kingsford",
      "Sandstone", "Botany", "Hunter", "Illawarra", "Macquarie", "Ryde", "Manly", "Cronulla", "Penrith",
      "Hawkesbury", "Mosman", "Balmain", "Leichhardt", "Newtown", "Glebe", "Chatswood", "Epping", "Camden",
      "Liverpool", "Blacktown", "Gosford", "Wollongong", "Katoomba", "Orange", "Dubbo", "Bathurst", "Mudgee"};
  private static final String[] FIRM_KINDS = {"Developments", "Property Group", "Builders", "Council",
      "Grammar School", "Health", "Hotels", "Homes", "Constructions", "Investments", "Joinery", "Engineering"};
  private static final String[] SUBURBS = {"Surry Hills", "Pyrmont", "Ultimo", "North Sydney", "Paddington",
      "Marrickville", "Alexandria", "Rozelle", "Neutral Bay", "Crows Nest"};
  private static final String[] ROLES = {"Director", "Project Manager", "Development Manager", "Facilities Manager",
      "Owner", "Site Manager", "Principal", "Contracts Administrator"};
  private static final String[] JOB_TITLES = {"Principal", "Associate", "Senior Architect", "Architect",
      "Graduate Architect", "Interior Designer", "Documentation Lead", "Office Manager", "Landscape Architect",
      "Project Architect", "Drafter", "Studio Coordinator"};
  private static final String[] PROJECT_TYPES = {"Residential", "Commercial", "Education", "Heritage",
      "Hospitality"};
  private static final String[] PROJECT_WORDS = {"House", "Terrace Alterations", "Office Fit-out", "Library",
      "Learning Hub", "Warehouse Conversion", "Boutique Hotel", "Pavilion", "Apartments", "Cafe", "Clinic",
      "Gallery"};

  /** A Synergy contact and the tiny+ company a person typed in for the same firm. */
  public static final class CompanyPair {
    /** The Synergy contact. */
    public final Contact synergy;
    /** The tiny+ company. */
    public final Company tinyPlus;

    CompanyPair(Contact synergy, Company tinyPlus) {
      this.synergy = synergy;
      this.tinyPlus = tinyPlus;
    }
  }

  /** Synergy staff. */
  public final List<Staff> staff = new ArrayList<>();
  /** tiny+ team members (the account admin first). */
  public final List<TeamMember> teamMembers = new ArrayList<>();
  /** Companies typed into both systems. */
  public final List<CompanyPair> sharedCompanies = new ArrayList<>();
  /** Companies only in Synergy. */
  public final List<Contact> synergyOnlyCompanies = new ArrayList<>();
  /** Companies only in tiny+. */
  public final List<Company> tinyPlusOnlyCompanies = new ArrayList<>();
  /** Synergy personnel. */
  public final List<Personnel> personnel = new ArrayList<>();
  /** tiny+ contacts. */
  public final List<dev.synergylink.tinyplus.Contact> contacts = new ArrayList<>();
  /** Synergy projects. */
  public int synergyProjects;
  /** tiny+ projects. */
  public int tinyPlusProjects;

  private final Random random;
  private final Set<String> usedNames = new LinkedHashSet<>();
  private final Set<String> usedPeople = new LinkedHashSet<>();

  private FirmData(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Seeds two empty fakes (built with {@code empty()}) with the firm.
   *
   * @param synergy the Synergy fake, empty
   * @param tinyPlus the tiny+ fake, empty
   * @param seed the seed of every choice
   * @return what was seeded
   */
  public static FirmData seed(SynergyFake synergy, TinyPlusFake tinyPlus, long seed) {
    FirmData firm = new FirmData(seed);
    firm.seedPeople(synergy.webApp(), tinyPlus.webApp());
    firm.seedCompanies(synergy.webApp(), tinyPlus.webApp());
    firm.seedProjects(synergy.webApp(), tinyPlus.webApp());
    synergy.clearWrites();
    tinyPlus.clearWrites();
    return firm;
  }

  // ---------------------------------------------------------------- staff and team members

  private void seedPeople(SynergyWebApp synergy, TinyPlusWebApp tinyPlus) {
    Staff principal = synergy.addStaff("Margaret", "Vale", "margaret.vale@harbourvale.com.au",
        SecurityLevel.ADMINISTRATOR);
    synergy.actAs(principal.id());
    staff.add(principal);
    TeamMember admin = tinyPlus.inviteTeamMember("Margaret Vale", "margaret.vale@harbourvale.com.au");
    tinyPlus.setAccountAdmin(admin.id(), true);
    tinyPlus.actAs(admin.id());
    teamMembers.add(admin);
    for (int i = 0; i < 11; i++) {
      String first = FIRST[i * 2 % FIRST.length];
      String last = LAST[(i * 7 + 3) % LAST.length];
      String email = email(first, last, "harbourvale.com.au");
      Staff member = synergy.addStaff(first, last, email, i < 2 ? SecurityLevel.MANAGER : SecurityLevel.STANDARD);
      member = synergy.editStaff(member.id(), java.util.Map.of("jobTitle", JOB_TITLES[(i + 1) % JOB_TITLES.length],
          "workPhone", "02 9555 01" + String.format(Locale.ROOT, "%02d", i + 10),
          "mobile", mobile()));
      staff.add(member);
      if (i < 5) {
        // the same person invited to tiny+ with the same work email: linked by email
        teamMembers.add(tinyPlus.inviteTeamMember(first + " " + last, email.toUpperCase(Locale.ROOT)
            .charAt(0) + email.substring(1)));
      } else if (i == 5) {
        // a user who signs in to tiny+ with a personal address: linked by name; tiny+ keeps the address (the API
        // may not change an active member's email), and the engine reports that field as not synced
        teamMembers.add(tinyPlus.inviteTeamMember(first + " " + last, email(first, last, "outlook.com")));
      } else if (i == 6) {
        // a ghost someone made by hand in tiny+, with a personal address: linked by name
        teamMembers.add(tinyPlus.createGhostTeamMember(dev.synergylink.tinyplus.TeamMemberCreate.builder()
            .name(first + " " + last).email(email(first, last, "gmail.com")).build()));
      }
    }
    // someone who uses tiny+ but is not in Synergy (a contractor who does business development)
    teamMembers.add(tinyPlus.inviteTeamMember("Dana Okafor", "dana@okafor-consulting.com.au"));
    for (String[] phase : new String[][] {{"Enquiry", "PROPOSED"}, {"Fee Proposal", "PROPOSED"}, {"Won", "WON"},
        {"Concept Design", "ACTIVE"}, {"Documentation", "ACTIVE"}, {"Construction", "ACTIVE"},
        {"Pending Invoice", "ACTIVE"}, {"On Hold", "ACTIVE"},
        {"Completed", "COMPLETED"}, {"Lost", "LOST"}, {"Cancelled", "CANCELLED"}}) {
      tinyPlus.addPhase(phase[0], ProjectState.valueOf(phase[1]));
    }
    synergy.addStatus("Fee Proposal", StatusType.PROPOSAL, 40);
    synergy.addStatus("Active - Concept Design", StatusType.ACTIVE, null);
    synergy.addStatus("Active - Documentation", StatusType.ACTIVE, null);
    synergy.addStatus("Active - Construction", StatusType.ACTIVE, null);
    synergy.addStatus("Pending Invoice", StatusType.PENDING_INVOICE, null);
    synergy.addStatus("On Hold", StatusType.HOLD, null);
    synergy.addStatus("Unsuccessful", StatusType.UNSUCCESSFUL, null);
    synergy.addStatus("Complete", StatusType.COMPLETE, null);
  }

  // ---------------------------------------------------------------- companies and their people

  private void seedCompanies(SynergyWebApp synergy, TinyPlusWebApp tinyPlus) {
    for (int i = 0; i < 36; i++) {
      String name = companyName();
      String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".com.au";
      String abn = abn();
      String phone = "02 " + digits(4) + " " + digits(4);
      String twitter = random.nextInt(3) == 0 ? "@" + domain.substring(0, Math.min(12, domain.indexOf('.'))) : null;
      String street = (1 + random.nextInt(300)) + " " + LAST[random.nextInt(LAST.length)] + " Street";
      String suburb = SUBURBS[random.nextInt(SUBURBS.length)];
      int where = i % 12;
      Contact contact = null;
      Company company = null;
      if (where < 6 || where == 11) {
        contact = synergy.createContact(ContactCreate.builder()
            .name(name)
            .email("info@" + domain)
            .website("https://www." + domain)
            .abn(abn)
            .phone(phone)
            .twitter(twitter)
            .officeAddress(dev.synergylink.synergy.Address.builder().address1(street).town(suburb).state("NSW")
                .zipCode("20" + digits(2)).country("Australia").build())
            .build());
      }
      if (where >= 4) {
        // typed again by someone else: another phone format, the email capitalised, spaces in the ABN
        boolean shared = contact != null;
        company = tinyPlus.createCompany(CompanyCreate.builder()
            .name(name)
            .email(shared ? "Info@" + domain : "info@" + domain)
            .website(shared ? "www." + domain : "https://www." + domain)
            .abn(shared ? abn.substring(0, 2) + " " + abn.substring(2, 5) + " " + abn.substring(5, 8) + " "
                + abn.substring(8) : abn)
            .officePhone(shared ? "(02) " + phone.substring(3) : phone)
            .build());
      }
      if (contact != null && company != null) {
        sharedCompanies.add(new CompanyPair(contact, company));
      } else if (contact != null) {
        synergyOnlyCompanies.add(contact);
      } else {
        tinyPlusOnlyCompanies.add(company);
      }
      seedPeopleOf(synergy, tinyPlus, contact, company, domain);
    }
    // a contact someone added in tiny+ without a company: it cannot go to Synergy (personnel need a parent)
    contacts.add(tinyPlus.createContact(dev.synergylink.tinyplus.ContactCreate.builder()
        .firstName("Priya").lastName("Raman").emailAddress("priya.raman@outlook.com").mobile(mobile()).build()));
  }

  private void seedPeopleOf(SynergyWebApp synergy, TinyPlusWebApp tinyPlus, Contact contact, Company company,
      String domain) {
    int people = 1 + random.nextInt(3);
    for (int p = 0; p < people; p++) {
      String first;
      String last;
      do {
        first = FIRST[random.nextInt(FIRST.length)];
        last = LAST[random.nextInt(LAST.length)];
      } while (!usedPeople.add(first + " " + last));
      String email = email(first, last, domain);
      String role = ROLES[random.nextInt(ROLES.length)];
      String direct = "02 " + digits(4) + " " + digits(4);
      boolean inSynergy = contact != null && (company == null || p != 1);
      boolean inTinyPlus = company != null && (contact == null || p != 2);
      if (inSynergy) {
        personnel.add(synergy.createPersonnel(PersonnelCreate.builder()
            .parentContactId(contact.id())
            .firstName(first)
            .lastName(last)
            .title(role)
            .email(email)
            .phone(direct)
            .mobile(mobile())
            .build()));
      }
      if (inTinyPlus) {
        contacts.add(tinyPlus.createContact(dev.synergylink.tinyplus.ContactCreate.builder()
            .firstName(first)
            .lastName(last)
            .role(inSynergy ? null : role)
            .emailAddress(email)
            .direct(direct)
            .primaryCompany(company.id())
            .build()));
      }
    }
  }

  // ---------------------------------------------------------------- projects

  private void seedProjects(SynergyWebApp synergy, TinyPlusWebApp tinyPlus) {
    List<ProjectStatus> statuses = synergy.statuses();
    List<Contact> clients = new ArrayList<>(synergyOnlyCompanies);
    sharedCompanies.forEach(pair -> clients.add(pair.synergy));
    for (int i = 0; i < 24; i++) {
      Contact client = clients.get(random.nextInt(clients.size()));
      String type = PROJECT_TYPES[random.nextInt(PROJECT_TYPES.length)];
      ProjectStatus status = statuses.get(random.nextInt(statuses.size()));
      String name = SUBURBS[random.nextInt(SUBURBS.length)] + " " + PROJECT_WORDS[random.nextInt(
          PROJECT_WORDS.length)];
      synergy.createProject(ProjectCreate.builder()
          .name(name)
          .statusId(status.id())
          .primaryContactId(client.id())
          .projectType(type)
          .managerId(staff.get(random.nextInt(4)).id())
          .scope("Design and documentation, " + type.toLowerCase(Locale.ROOT))
          .initialFee(BigDecimal.valueOf(15_000 + 2_500L * random.nextInt(40)))
          .build());
      synergyProjects++;
    }
    for (String type : PROJECT_TYPES) {
      tinyPlus.addProjectType(type);
    }
    List<ProjectPhase> phases = tinyPlus.phases();
    List<Company> companies = new ArrayList<>(tinyPlusOnlyCompanies);
    sharedCompanies.forEach(pair -> companies.add(pair.tinyPlus));
    for (int i = 0; i < 14; i++) {
      ProjectPhase phase = phases.get(random.nextInt(phases.size()));
      tinyPlus.createProject(dev.synergylink.tinyplus.ProjectCreate.builder()
          .name(SUBURBS[random.nextInt(SUBURBS.length)] + " " + PROJECT_WORDS[random.nextInt(PROJECT_WORDS.length)])
          .state(phase.state())
          .phase(phase.id())
          .projectType(PROJECT_TYPES[random.nextInt(PROJECT_TYPES.length)])
          .clientCompany(companies.get(random.nextInt(companies.size())).id())
          .assignedUser(teamMembers.get(random.nextInt(teamMembers.size())).id())
          .value(BigDecimal.valueOf(20_000 + 5_000L * random.nextInt(20)))
          .build());
      tinyPlusProjects++;
    }
  }

  // ---------------------------------------------------------------- values

  private String companyName() {
    String name;
    do {
      name = FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + " " + FIRM_KINDS[random.nextInt(FIRM_KINDS.length)];
    } while (!usedNames.add(name));
    return name;
  }

  private static String email(String first, String last, String domain) {
    return (first + "." + last).toLowerCase(Locale.ROOT) + "@" + domain;
  }

  private String mobile() {
    return "04" + digits(2) + " " + digits(3) + " " + digits(3);
  }

  private String digits(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(random.nextInt(10));
    }
    return s.toString();
  }

  /**
   * A random ABN that passes the checksum Synergy checks.
   *
   * @return 11 digits
   */
  String abn() {
    while (true) {
      String candidate = (1 + random.nextInt(9)) + digits(10);
      if (isValidAbn(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * Whether an ABN passes the checksum: subtract 1 from the first digit, weigh the digits by 10, 1, 3, 5, ..., 19;
   * the sum must be a multiple of 89.
   *
   * @param abn 11 digits, spaces allowed
   * @return true when valid
   */
  static boolean isValidAbn(String abn) {
    String digits = abn.replace(" ", "");
    if (!digits.matches("\\d{11}")) {
      return false;
    }
    int[] weights = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (digits.charAt(i) - '0' - (i == 0 ? 1 : 0)) * weights[i];
    }
    return sum % 89 == 0;
  }
}
