package dev.synergylink.sync.simulation;

import dev.synergylink.sync.internal.SnapshotCodec;
import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.ProjectMappings;
import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.FakeOperation;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.Faults;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One simulated world: both fakes on one {@link ManualClock}, one {@link InMemoryStateStore}, the engine under test
 * (replaced by a new one on the same store after a crash), the steps' bookkeeping, the trace hash and the invariant
 * checks. Everything in it derives from the seed; nothing reads the wall clock. Not thread-safe (one thread runs a
 * world, as one worker runs a connection).
 */
final class World {
  static final String CONNECTION = "sim";
  static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
  /** Longer than the sim's lease and its longest retry delay: a cycle after it retries every quarantined record. */
  static final Duration QUIET_GAP = Duration.ofMinutes(3);
  /** Whether projects are simulated ({@code -Dsim.projects=false} leaves them out, as runs did before). */
  static final boolean PROJECTS = !"false".equalsIgnoreCase(System.getProperty("sim.projects", "true"));

  final long seed;
  final ManualClock clock = ManualClock.at(START);
  final SynergyFake synergy;
  final TinyPlusFake tinyPlus;
  final InMemoryStateStore store = InMemoryStateStore.create();
  SyncSettings settings;
  private final SynergyClient synergyClient;
  private final TinyPlusClient tinyPlusClient;
  private final FieldContext context;
  private final Map<RecordType, View<?, ?>> views = new LinkedHashMap<>();
  private final MessageDigest digest;
  final List<String> trace = new ArrayList<>();

  private SyncEngine engine;
  private boolean engineDead;
  private int engines;
  private int racers;

  // hooks armed for the next operation, and their state while it runs
  private int crashAfter;
  private int raceAt;
  private boolean raceTakeOver;
  private int listEditAt;
  private Step listEdit;
  private boolean suspended;
  private int opCalls;
  private int opListCalls;

  // bookkeeping for the invariants
  private int op = -1;
  private boolean inOp;
  private int editSeq;
  private final List<TrackedEdit> edits = new ArrayList<>();
  private final List<SeenConflict> conflicts = new ArrayList<>();
  private final Map<Integer, int[]> opWriteEnds = new HashMap<>();
  private final Map<String, Cursor> cursors = new TreeMap<>();
  private int synergyWritesChecked;
  /** tiny+ projects a person touched during the running operation (the engine may have read them before). */
  private final Set<Long> touchedInOp = new HashSet<>();

  World(long seed) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    this.synergy = SynergyFake.builder(clock).seed(random.nextLong()).build();
    this.tinyPlus = TinyPlusFake.builder(clock).seed(random.nextLong()).build();
    int[] pageSizes = {1, 2, 3, 5, 100};
    // projects are enabled in setUp, after companies are synced and team members linked (the guide's order)
    Set<RecordType> types = EnumSet.of(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT);
    this.settings = SyncSettings.builder()
        .connectionId(CONNECTION)
        .synergyOrganisation(synergy.organisation())
        .masterSwitch(true)
        .enabledTypes(types)
        .activatingUser(TinyPlusFake.ADMIN_ID)
        .pageSize(pageSizes[random.nextInt(pageSizes.length)])
        .lookback(Duration.ofSeconds(random.nextBoolean() ? 6 : 10))
        .leaseDuration(Duration.ofMinutes(1))
        .retryDelay(Duration.ofSeconds(15))
        .maxRetryDelay(Duration.ofMinutes(2))
        // the replica lag steps hide Synergy edits from polls; without this read a tiny+ edit of the same field
        // written in that cycle overwrites such an edit (the setting's documented trade-off), which the no-lost-edit
        // check would flag
        .readBeforeSynergyWrite(true)
        .build();
    Intercept.Listener listener = new Intercept.Listener() {
      @Override
      public void afterCall(Side side, String method, boolean list) {
        World.this.afterCall(list);
      }

      @Override
      public void beforeCall(Side side, String resource, String method, Object[] args) {
        World.this.beforeCall(side, resource, method, args);
      }
    };
    this.synergyClient = Intercept.client(SynergyClient.class, synergy, Side.SYNERGY, listener);
    this.tinyPlusClient = Intercept.client(TinyPlusClient.class, tinyPlus, Side.TINYPLUS, listener);
    this.context = new StoreContext();
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    views.put(RecordType.TEAM_MEMBER, new View<Staff, TeamMember>(RecordType.TEAM_MEMBER, FieldMappings.teamMembers(),
        () -> synergy.webApp().staff(), Staff::id, id -> orNull(() -> synergy.webApp().staffMember(id)),
        () -> tinyPlus.webApp().teamMembers(), id -> orNull(() -> tinyPlus.webApp().teamMember(id)), m -> false,
        Staff::isActive, m -> false));
    views.put(RecordType.COMPANY, new View<Contact, Company>(RecordType.COMPANY, FieldMappings.companies(),
        () -> synergy.webApp().contacts(), Contact::id, id -> orNull(() -> synergy.webApp().contact(id)),
        () -> tinyPlus.webApp().companies(), id -> orNull(() -> tinyPlus.webApp().company(id)),
        c -> c.recordStatus() == RecordStatus.DELETED, c -> true, c -> c.recordStatus() != RecordStatus.DELETED));
    views.put(RecordType.CONTACT, new View<Personnel, dev.synergylink.tinyplus.Contact>(RecordType.CONTACT,
        FieldMappings.contacts(), () -> synergy.webApp().personnel(), Personnel::id,
        id -> orNull(() -> synergy.webApp().personnel(id)), () -> tinyPlus.webApp().contacts(),
        id -> orNull(() -> tinyPlus.webApp().contact(id)), c -> c.recordStatus() == RecordStatus.DELETED,
        p -> livePair(RecordType.COMPANY, linkBySynergy(RecordType.COMPANY, p.parentContactId())),
        c -> c.recordStatus() != RecordStatus.DELETED && c.primaryCompany() != null
            && livePair(RecordType.COMPANY, linkByTinyPlus(RecordType.COMPANY, c.primaryCompany()))));
    if (PROJECTS) {
      View<Project, dev.synergylink.tinyplus.Project> projects = new View<>(RecordType.PROJECT,
          ProjectMappings.projects(), () -> synergy.webApp().projects(), Project::id,
          id -> orNull(() -> synergy.webApp().project(id)), () -> tinyPlus.webApp().projects(),
          id -> orNull(() -> tinyPlus.webApp().project(id)), t -> t.recordStatus() == RecordStatus.DELETED,
          // a project whose client contact's tiny+ partner was deleted cannot be sent (as a contact's company)
          p -> usableContact(p.primaryContactId()),
          // a tiny+ project in a locked status stays in tiny+; one without a usable client company cannot be sent
          t -> t.recordStatus() != RecordStatus.DELETED && !locked(t) && t.clientCompany() != null
              && usableCompany(t.clientCompany()));
      // the status and type rules read through the engine's run; the simulation reads them on its own
      projects.synergyReaders.put("status", p -> Long.toString(p.statusId()));
      projects.tinyReaders.put("status", this::tinyPlusStatus);
      projects.synergyReaders.put("projectType", Project::projectType);
      projects.tinyReaders.put("projectType", dev.synergylink.tinyplus.Project::projectType);
      views.put(RecordType.PROJECT, projects);
    }
    newEngine();
  }

  // =================================================================================================== setup

  /** The people's records before the integration is set up, and the guide's initial setup. */
  void setUp() {
    trace("settings: page size " + settings.pageSize() + ", lookback " + settings.lookback().toSeconds() + " s");
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    int staff = random.nextInt(4);
    for (int i = 0; i < staff; i++) {
      create(new Step.Create(RecordType.TEAM_MEMBER, Side.SYNERGY, random.nextLong(), 0));
    }
    for (Side side : Side.values()) {
      int companies = random.nextInt(5);
      for (int i = 0; i < companies; i++) {
        create(new Step.Create(RecordType.COMPANY, side, random.nextLong(), 0));
      }
    }
    for (Side side : Side.values()) {
      int contacts = random.nextInt(4);
      for (int i = 0; i < contacts; i++) {
        create(new Step.Create(RecordType.CONTACT, side, random.nextLong(), random.nextInt(1000)));
      }
    }
    clock.advance(Duration.ofSeconds(6)); // past Synergy's list lag, so the manual controls see every record
    // the guide's order: switch on (the first cycle starts the cursors), link staff, then the manual controls
    sync();
    downloadAll(RecordType.TEAM_MEMBER);
    downloadAll(RecordType.COMPANY);
    uploadAll(RecordType.COMPANY);
    downloadAll(RecordType.CONTACT);
    uploadAll(RecordType.CONTACT);
    if (PROJECTS) {
      setUpProjects(random);
    }
    afterStep();
    edits.clear();
  }

  /**
   * The guide's projects setup: team members linked, the people's projects, project types discovered, a status
   * mapping proposed with Enquiry (and sometimes the Cancelled state) locked, then Projects enabled and the manual
   * controls.
   */
  private void setUpProjects(SplittableRandom random) {
    if (linkBySynergy(RecordType.TEAM_MEMBER, SynergyFake.ADMIN_STAFF_ID) == null
        && linkByTinyPlus(RecordType.TEAM_MEMBER, TinyPlusFake.ADMIN_ID) == null) {
      operation("link the admins", () -> engine.teamMembers().link(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID));
    }
    if (random.nextBoolean()) {
      synergy.webApp().addStatus("Tender", StatusType.PROPOSAL, 30);
      tinyPlus.webApp().addPhase("Tender", ProjectState.PROPOSED);
    }
    List<Contact> clients = synergy.webApp().contacts();
    for (int i = 0; i < Values.PROJECT_TYPES.length && !clients.isEmpty(); i++) {
      // the firm's projects of every type, so that discovery registers them all in tiny+
      synergy.webApp().createProject(ProjectCreate.builder().name("Template " + i).statusId(activeStatuses().get(0)
          .id()).primaryContactId(pick(clients, i).id()).projectType(Values.PROJECT_TYPES[i]).build());
    }
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      create(new Step.Create(RecordType.PROJECT, Side.SYNERGY, random.nextLong(), random.nextInt(1000)));
    }
    clock.advance(Duration.ofSeconds(6)); // past Synergy's list lag, so discovery sees every project
    List<String> discovered = engine.projectSetup().discoverTypes();
    trace("project types discovered: " + discovered);
    if (clients.isEmpty()) {
      for (String type : Values.PROJECT_TYPES) {
        tinyPlus.webApp().addProjectType(type); // no Synergy project to discover them from: a person adds them
      }
    }
    count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      create(new Step.Create(RecordType.PROJECT, Side.TINYPLUS, random.nextLong(), random.nextInt(1000)));
    }
    StatusMapping.Builder mapping = StatusMapping.proposeDefault(new ProjectStatusOptions(
        synergy.webApp().statuses(), tinyPlus.webApp().phases())).toBuilder();
    mapping.lockPhase(phaseNamed("Enquiry").id());
    if (random.nextBoolean()) {
      mapping.lockState(ProjectState.CANCELLED);
    }
    settings = SyncSettings.builder().from(settings).addEnabledTypes(RecordType.PROJECT).statusMapping(mapping.build())
        .build();
    newEngine();
    List<String> problems = engine.projectSetup().problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the projects setup is incomplete: " + problems);
    }
    trace("status mapping " + settings.statusMapping());
    clock.advance(Duration.ofSeconds(6));
    downloadAll(RecordType.PROJECT);
    uploadAll(RecordType.PROJECT);
  }

  private ProjectPhase phaseNamed(String name) {
    return tinyPlus.webApp().phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private List<ProjectStatus> activeStatuses() {
    List<ProjectStatus> active = new ArrayList<>();
    for (ProjectStatus status : synergy.webApp().statuses()) {
      if (status.isActive()) {
        active.add(status);
      }
    }
    return active;
  }

  private List<Staff> activeStaff() {
    List<Staff> active = new ArrayList<>();
    for (Staff staff : synergy.webApp().staff()) {
      if (staff.isActive()) {
        active.add(staff);
      }
    }
    return active;
  }

  private List<TeamMember> assignableMembers() {
    List<TeamMember> members = new ArrayList<>();
    for (TeamMember member : tinyPlus.webApp().teamMembers()) {
      if (member.recordStatus() != TeamMemberStatus.DEACTIVATED) {
        members.add(member);
      }
    }
    return members;
  }

  /** Whether a tiny+ project is in a locked state or phase. */
  boolean locked(dev.synergylink.tinyplus.Project t) {
    StatusMapping mapping = settings.statusMapping();
    return mapping != null && mapping.isLocked(t.state(), t.phase());
  }

  /**
   * A Synergy client contact that exists and is (or can be) synced. One deleted in Synergy before it was ever synced
   * cannot be copied to tiny+ any more than one whose link was orphaned: the guide requires a client for every project
   * (companies are synced first), so the engine leaves such a project out with the reason (its client was deleted in
   * Synergy) until it is given another client, as it does a tiny+ project whose client company is gone.
   */
  private boolean usableContact(long contactId) {
    Link link = linkBySynergy(RecordType.COMPANY, contactId);
    if (link == null) {
      return orNull(() -> synergy.webApp().contact(contactId)) != null;
    }
    return livePair(RecordType.COMPANY, link);
  }

  /**
   * Whether the engine reports a Synergy project excluded, naming its client, because that client contact was deleted
   * in Synergy before it was ever synced. The guide: every Synergy project has a client contact, and its tiny+ Client
   * Company is that contact's synced company (set from Synergy, locked in tiny+). A contact deleted before any cycle
   * linked it has no tiny+ company and can no longer be copied (404), and the engine never recreates a deleted record
   * (ARCHITECTURE, Deletes), so the project cannot reach tiny+ with its client: it waits, excluded with the reason in
   * health, until its client is changed in Synergy (an edit of the project, which brings it back). Only a failure the
   * engine reports is accepted: a project silently left out still breaks convergence.
   */
  private boolean excludedForAClientNeverSynced(RecordFailure failure) {
    if (failure.recordType() != RecordType.PROJECT || failure.side() != Side.SYNERGY
        || failure.kind() != RecordFailure.Kind.EXCLUDED) {
      return false;
    }
    Project project = orNull(() -> synergy.webApp().project(failure.recordId()));
    if (project == null) {
      return false;
    }
    long client = project.primaryContactId();
    return linkBySynergy(RecordType.COMPANY, client) == null
        && orNull(() -> synergy.webApp().contact(client)) == null
        && failure.message().contains("Synergy contact " + client + ")");
  }

  /** A client company that exists and is (or can be) synced. */
  private boolean usableCompany(long companyId) {
    Company company = orNull(() -> tinyPlus.webApp().company(companyId));
    if (company == null || company.recordStatus() == RecordStatus.DELETED) {
      return false;
    }
    Link link = linkByTinyPlus(RecordType.COMPANY, companyId);
    return link == null || livePair(RecordType.COMPANY, link);
  }

  /**
   * A tiny+ project's status in Synergy's terms, through the mapping: its partner's status when that status maps to
   * the project's state and phase (several statuses may share a phase), else the status its phase or state maps to.
   */
  private String tinyPlusStatus(dev.synergylink.tinyplus.Project t) {
    StatusMapping mapping = settings.statusMapping();
    if (mapping == null) {
      return t.state() + "/" + t.phase();
    }
    Link link = linkByTinyPlus(RecordType.PROJECT, t.id());
    if (link != null && !link.orphaned()) {
      Project partner = orNull(() -> synergy.webApp().project(link.synergyId()));
      if (partner != null && TinyPlusStatus.of(t.state(), t.phase()).equals(mapping.tinyPlusStatus(partner.statusId()))) {
        return Long.toString(partner.statusId());
      }
    }
    Long status = mapping.synergyStatus(t.state(), t.phase());
    return status == null ? "unmapped " + t.state() + "/" + t.phase() : status.toString();
  }

  // =================================================================================================== people

  void create(Step.Create step) {
    SplittableRandom r = new SplittableRandom(step.valueSeed());
    String type = step.type().name();
    try {
      switch (step.type()) {
        case COMPANY:
          if (step.side() == Side.SYNERGY) {
            ContactCreate.Builder b = ContactCreate.builder().name(Values.forRule(r, type, "name"));
            setIfNotNull(Values.forRule(r, type, "address"), v -> b.officeAddress(synergyAddress(v)));
            setIfNotNull(Values.forRule(r, type, "email"), b::email);
            setIfNotNull(Values.forRule(r, type, "website"), b::website);
            setIfNotNull(Values.forRule(r, type, "abn"), b::abn);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "phone"), b::phone);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            trace("created Synergy contact " + synergy.webApp().createContact(b.build()).id());
          } else {
            CompanyCreate.Builder b = CompanyCreate.builder().name(Values.forRule(r, type, "name"));
            setIfNotNull(Values.forRule(r, type, "address"), v -> b.physicalAddress(tinyPlusAddress(v)));
            setIfNotNull(Values.forRule(r, type, "email"), b::email);
            setIfNotNull(Values.forRule(r, type, "website"), b::website);
            setIfNotNull(Values.forRule(r, type, "abn"), b::abn);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "phone"), b::officePhone);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            trace("created tiny+ company " + tinyPlus.webApp().createCompany(b.build()).id());
          }
          break;
        case CONTACT: {
          String first = Values.forRule(r, type, "firstName");
          String last = Values.forRule(r, type, "lastName");
          if (first == null && last == null) {
            first = "Ann";
          }
          if (step.side() == Side.SYNERGY) {
            Contact parent = pick(synergy.webApp().contacts(), step.parentPick());
            if (parent == null) {
              trace("no Synergy contact to add personnel to");
              return;
            }
            PersonnelCreate.Builder b = PersonnelCreate.builder().parentContactId(parent.id());
            setIfNotNull(first, b::firstName);
            setIfNotNull(last, b::lastName);
            setIfNotNull(Values.forRule(r, type, "title"), b::title);
            setIfNotNull(Values.forRule(r, type, "email"), b::email);
            setIfNotNull(Values.forRule(r, type, "phone"), b::phone);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            trace("created Synergy personnel " + synergy.webApp().createPersonnel(b.build()).id());
          } else {
            dev.synergylink.tinyplus.ContactCreate.Builder b = dev.synergylink.tinyplus.ContactCreate.builder();
            setIfNotNull(first, b::firstName);
            setIfNotNull(last, b::lastName);
            setIfNotNull(Values.forRule(r, type, "title"), b::role);
            setIfNotNull(Values.forRule(r, type, "email"), b::emailAddress);
            setIfNotNull(Values.forRule(r, type, "phone"), b::direct);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            Company company = step.parentPick() % 5 == 0 ? null : pick(liveCompanies(), step.parentPick());
            if (company != null) {
              b.primaryCompany(company.id());
            }
            trace("created tiny+ contact " + tinyPlus.webApp().createContact(b.build()).id());
          }
          break;
        }
        case PROJECT:
          createProject(step, r);
          break;
        case TEAM_MEMBER: {
          if (step.side() == Side.TINYPLUS) {
            return;
          }
          String first = Values.forRule(r, type, "firstName");
          Staff staff = synergy.webApp().addStaff(first == null ? "Pat" : first, Values.forRule(r, type, "lastName"),
              Values.forRule(r, type, "email"), SecurityLevel.STANDARD);
          Map<String, Object> more = new LinkedHashMap<>();
          more.put("workPhone", Values.forRule(r, type, "workPhone"));
          more.put("mobile", Values.forRule(r, type, "mobile"));
          more.put("jobTitle", Values.forRule(r, type, "jobTitle"));
          synergy.webApp().editStaff(staff.id(), more);
          trace("created Synergy staff " + staff.id());
          break;
        }
        default:
          break;
      }
    } catch (IllegalArgumentException e) {
      trace("the web app refused a create");
    }
  }

  private void createProject(Step.Create step, SplittableRandom r) {
    String name = Values.forProject(r, "name", step.side());
    String type = Values.forProject(r, "projectType", step.side());
    String manager = Values.forProject(r, "manager", step.side());
    String address = Values.forProject(r, "address", step.side());
    String scope = Values.forProject(r, "scope", step.side());
    int status = r.nextInt(1000);
    String fee = r.nextBoolean() ? null : Values.FEES[r.nextInt(Values.FEES.length)];
    if (step.side() == Side.SYNERGY) {
      Contact client = pick(synergy.webApp().contacts(), step.parentPick());
      if (client == null) {
        trace("no Synergy contact to be a project's client");
        return;
      }
      ProjectCreate.Builder b = ProjectCreate.builder().name(name).statusId(pick(activeStatuses(), status).id())
          .primaryContactId(client.id()).projectType(type).address(synergyAddress(address)).scope(scope);
      Staff staff = manager == null ? null : pick(activeStaff(), pickOf(manager));
      if (staff != null) {
        b.managerId(staff.id());
      }
      if (fee != null) {
        b.initialFee(new BigDecimal(fee));
      }
      trace("created Synergy project " + synergy.webApp().createProject(b.build()).id());
    } else {
      ProjectPhase phase = pick(tinyPlus.webApp().phases(), status);
      dev.synergylink.tinyplus.ProjectCreate.Builder b = dev.synergylink.tinyplus.ProjectCreate.builder().name(name)
          .state(phase.state()).phase(phase.id()).projectType(type).address(tinyPlusAddress(address))
          .description(scope);
      Company company = step.parentPick() % 5 == 0 ? null : pick(liveCompanies(), step.parentPick());
      if (company != null) {
        b.clientCompany(company.id());
      }
      TeamMember member = manager == null ? null : pick(assignableMembers(), pickOf(manager));
      if (member != null) {
        b.assignedUser(member.id());
      }
      if (fee != null) {
        b.value(new BigDecimal(fee));
      }
      if (r.nextInt(4) == 0) {
        b.projectNumber(Values.PROJECT_NUMBERS[1 + r.nextInt(Values.PROJECT_NUMBERS.length - 1)]);
      }
      long id = tinyPlus.webApp().createProject(b.build()).id();
      if (inOp) {
        touchedInOp.add(id);
      }
      trace("created tiny+ project " + id);
    }
  }

  void edit(Step.Edit step) {
    View<?, ?> view = views.get(step.type());
    Long id = step.side() == Side.SYNERGY ? view.pickSynergy(step.pick()) : view.pickTinyPlus(step.pick());
    if (id == null) {
      trace("nothing to edit");
      return;
    }
    editRecord(step.type(), step.side(), id, step.rule(), step.value());
  }

  void editBoth(Step.EditBoth step) {
    List<Link> live = new ArrayList<>();
    for (Link link : store.links(CONNECTION, step.type())) {
      if (livePair(step.type(), link)) {
        live.add(link);
      }
    }
    Link link = pick(live, step.pick());
    if (link == null) {
      trace("no linked pair to edit on both sides");
      return;
    }
    Side first = step.synergyFirst() ? Side.SYNERGY : Side.TINYPLUS;
    editRecord(step.type(), first, first == Side.SYNERGY ? link.synergyId() : link.tinyPlusId(), step.rule(),
        first == Side.SYNERGY ? step.synergyValue() : step.tinyPlusValue());
    clock.advance(Duration.ofMillis(step.gapMillis()));
    Side second = first.other();
    editRecord(step.type(), second, second == Side.SYNERGY ? link.synergyId() : link.tinyPlusId(), step.rule(),
        second == Side.SYNERGY ? step.synergyValue() : step.tinyPlusValue());
  }

  private void editRecord(RecordType type, Side side, long id, String rule, String value) {
    if (inOp && type == RecordType.PROJECT && side == Side.TINYPLUS) {
      touchedInOp.add(id);
    }
    if (inOp) {
      // an edit the engine has made land earlier in this operation counts as landed even if this edit (a person's,
      // while the engine works) now overwrites it on the other side: it reached the other side, and this is a later
      // edit there, not a lost one
      markLanded();
    }
    try {
      applyEdit(type, side, id, rule, value);
    } catch (IllegalArgumentException | IllegalStateException e) {
      trace("the web app refused an edit of " + type + "/" + side + "/" + id + " " + rule);
      return;
    }
    trace("edited " + type + "/" + side + "/" + id + " " + rule);
    track(type, side, id, rule);
  }

  private void applyEdit(RecordType type, Side side, long id, String rule, String value) {
    switch (type) {
      case COMPANY:
        if (side == Side.SYNERGY) {
          ContactPatch.Builder b = ContactPatch.builder();
          switch (rule) {
            case "name": b.name(value); break;
            case "address": b.officeAddress(synergyAddress(value)); break;
            case "email": b.email(value); break;
            case "website": b.website(value); break;
            case "abn": b.abn(value); break;
            case "mobile": b.mobile(value); break;
            case "phone": b.phone(value); break;
            default: b.twitter(value); break;
          }
          synergy.webApp().editContact(id, b.build());
        } else {
          CompanyPatch.Builder b = CompanyPatch.builder();
          switch (rule) {
            case "name": b.name(value); break;
            case "address": b.physicalAddress(tinyPlusAddress(value)); break;
            case "email": b.email(value); break;
            case "website": b.website(value); break;
            case "abn": b.abn(value); break;
            case "mobile": b.mobile(value); break;
            case "phone": b.officePhone(value); break;
            default: b.twitter(value); break;
          }
          tinyPlus.webApp().editCompany(id, b.build());
        }
        break;
      case CONTACT:
        if (side == Side.SYNERGY) {
          Personnel now = synergy.webApp().personnel(id);
          if (value == null && (rule.equals("firstName") && now.lastName() == null
              || rule.equals("lastName") && now.firstName() == null)) {
            // a person keeps at least one name, as Synergy asks on create and tiny+ on every write
            throw new IllegalArgumentException("a person needs a name");
          }
          PersonnelPatch.Builder b = PersonnelPatch.builder();
          switch (rule) {
            case "firstName": b.firstName(value); break;
            case "lastName": b.lastName(value); break;
            case "phone": b.phone(value); break;
            case "title": b.title(value); break;
            case "email": b.email(value); break;
            case "website": b.website(value); break;
            case "mobile": b.mobile(value); break;
            case "officePhone": b.officePhone(value); break;
            case "parent": {
              Contact parent = value == null ? null : pick(synergy.webApp().contacts(), pickOf(value));
              if (parent == null) {
                throw new IllegalArgumentException("no parent");
              }
              b.parentContactId(parent.id());
              break;
            }
            default: b.twitter(value); break;
          }
          synergy.webApp().editPersonnel(id, b.build());
        } else {
          dev.synergylink.tinyplus.ContactPatch.Builder b = dev.synergylink.tinyplus.ContactPatch.builder();
          switch (rule) {
            case "firstName": b.firstName(value); break;
            case "lastName": b.lastName(value); break;
            case "phone": b.direct(value); break;
            case "title": b.role(value); break;
            case "email": b.emailAddress(value); break;
            case "website": b.website(value); break;
            case "mobile": b.mobile(value); break;
            case "officePhone": b.officePhone(value); break;
            case "parent": {
              Company company = value == null ? null : pick(liveCompanies(), pickOf(value));
              b.primaryCompany(company == null ? null : company.id());
              break;
            }
            default: b.twitter(value); break;
          }
          tinyPlus.webApp().editContact(id, b.build());
        }
        break;
      case PROJECT:
        if (side == Side.SYNERGY) {
          editSynergyProject(id, rule, value);
        } else {
          editTinyPlusProject(id, rule, value);
        }
        break;
      case TEAM_MEMBER:
        if (side == Side.SYNERGY) {
          if (rule.equals("name") && value == null && synergy.webApp().staffMember(id).lastName() == null) {
            throw new IllegalArgumentException("a staff member needs a name"); // tiny+ team members need one
          }
          Map<String, Object> members = new LinkedHashMap<>();
          members.put(rule.equals("name") ? "firstName" : rule, value);
          synergy.webApp().editStaff(id, members);
        } else {
          TeamMemberPatch.Builder b = TeamMemberPatch.builder();
          switch (rule) {
            case "name": b.name(value == null ? "Ghost" : value); break;
            case "email": b.email(value); break;
            case "workPhone": b.direct(value); break;
            case "mobile": b.mobile(value); break;
            default: b.title(value); break;
          }
          tinyPlus.webApp().editTeamMember(id, b.build());
        }
        break;
      default:
        break;
    }
  }

  private void editSynergyProject(long id, String rule, String value) {
    ProjectPatch.Builder b = ProjectPatch.builder();
    switch (rule) {
      case "name": b.name(value); break;
      case "status": b.statusId(pick(activeStatuses(), pickOf(value)).id()); break;
      case "client": {
        Contact client = pick(synergy.webApp().contacts(), pickOf(value));
        if (client == null) {
          throw new IllegalArgumentException("no client");
        }
        b.primaryContactId(client.id());
        break;
      }
      case "projectType": b.projectType(value); break;
      case "manager": {
        Staff staff = value == null ? null : pick(activeStaff(), pickOf(value));
        b.managerId(staff == null ? null : staff.id());
        break;
      }
      case "address": b.address(synergyAddress(value)); break;
      case "scope": b.scope(value); break;
      case "fee": {
        // the fee is the sum of the stage fees: a person adds, changes or removes a stage
        String[] p = value.split(":");
        List<Stage> stages = synergy.webApp().project(id).stages();
        if (p[0].equals("add")) {
          synergy.webApp().addStage(id, "Stage " + (stages.size() + 1), new BigDecimal(p[1]));
        } else if (stages.isEmpty()) {
          throw new IllegalArgumentException("no stage");
        } else if (p[0].equals("change")) {
          synergy.webApp().changeStageFee(id, pick(stages, Integer.parseInt(p[1])).id(), new BigDecimal(p[2]));
        } else {
          synergy.webApp().removeStage(id, pick(stages, Integer.parseInt(p[1])).id());
        }
        return;
      }
      default: throw new IllegalArgumentException("Synergy makes the project number");
    }
    synergy.webApp().editProject(id, b.build());
  }

  private void editTinyPlusProject(long id, String rule, String value) {
    dev.synergylink.tinyplus.ProjectPatch.Builder b = dev.synergylink.tinyplus.ProjectPatch.builder();
    switch (rule) {
      case "name": b.name(value); break;
      case "status": {
        // a move between phases, in and out of the locked ones
        ProjectPhase phase = pick(tinyPlus.webApp().phases(), pickOf(value));
        b.state(phase.state()).phase(phase.id());
        break;
      }
      case "client": {
        Company company = pick(liveCompanies(), pickOf(value));
        b.clientCompany(company == null ? null : company.id());
        break;
      }
      case "projectType": b.projectType(value); break;
      case "manager": {
        TeamMember member = value == null ? null : pick(assignableMembers(), pickOf(value));
        b.assignedUser(member == null ? null : member.id());
        break;
      }
      case "address": b.address(tinyPlusAddress(value)); break;
      case "scope": b.description(value); break;
      case "fee": b.value(value == null ? null : new BigDecimal(value)); break;
      default: b.projectNumber(value); break;
    }
    tinyPlus.webApp().editProject(id, b.build());
  }

  void delete(Step.Delete step) {
    View<?, ?> view = views.get(step.type());
    Long id = step.side() == Side.SYNERGY ? view.pickSynergy(step.pick()) : view.pickTinyPlus(step.pick());
    if (id == null) {
      trace("nothing to delete");
      return;
    }
    switch (step.type()) {
      case COMPANY:
        if (step.side() == Side.SYNERGY) {
          synergy.webApp().deleteContact(id);
        } else {
          tinyPlus.webApp().deleteCompany(id);
        }
        break;
      case CONTACT:
        if (step.side() == Side.SYNERGY) {
          synergy.webApp().deletePersonnel(id);
        } else {
          tinyPlus.webApp().deleteContact(id);
        }
        break;
      case PROJECT:
        if (step.side() == Side.SYNERGY) {
          synergy.webApp().deleteProject(id);
        } else {
          tinyPlus.webApp().deleteProject(id);
        }
        break;
      default:
        if (step.side() == Side.SYNERGY) {
          synergy.webApp().deleteStaff(id);
        }
        break;
    }
    trace("deleted " + step.type() + "/" + step.side() + "/" + id);
  }

  // =================================================================================================== time, faults

  void advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
    trace("clock " + clock.instant());
  }

  void replicaLag(long millis) {
    synergy.setReplicaLag(Duration.ofMillis(millis));
    trace("replica lag " + millis);
  }

  void fault(Step.Fault step) {
    Faults faults = step.side() == Side.SYNERGY ? synergy.faults() : tinyPlus.faults();
    FakeOperation operation = step.side() == Side.SYNERGY ? SynergyOperation.valueOf(step.operation())
        : TinyPlusOperation.valueOf(step.operation());
    Fault fault;
    switch (step.kind()) {
      case RATE_LIMITED: fault = Fault.rateLimited(); break;
      case SERVER_ERROR: fault = Fault.serverError(); break;
      case BAD_GATEWAY: fault = Fault.serverError(502); break;
      case UNAVAILABLE: fault = Fault.unavailable(); break;
      case TIMEOUT: fault = Fault.timeout(); break;
      case MALFORMED_BODY: fault = Fault.malformedBody(); break;
      default: fault = Fault.ambiguousCreate(); break;
    }
    Faults.RuleBuilder rule = faults.on(operation);
    switch (step.mode()) {
      case 0: rule.times(step.n()); break;
      case 1: rule.onCall(step.n()); break;
      default: rule.withProbability(step.n() / 100.0).times(5); break;
    }
    rule.answer(fault);
    trace("fault " + step);
  }

  void armCrash(int calls) {
    crashAfter = calls;
  }

  void armRace(int calls, boolean takeOver) {
    raceAt = calls;
    raceTakeOver = takeOver;
  }

  void armListEdit(int listCalls, Step edit) {
    listEditAt = listCalls;
    listEdit = edit;
  }

  // =================================================================================================== the engine

  private void newEngine() {
    engines++;
    engineDead = false;
    boolean[] dead = {false};
    StateStore engineStore = Intercept.dying(StateStore.class, store, () -> dead[0]);
    deadFlag = dead;
    engine = engine("engine-" + engines, engineStore, settings);
  }

  private boolean[] deadFlag;

  private SyncEngine engine(String holder, StateStore engineStore, SyncSettings engineSettings) {
    return SyncEngine.builder()
        .synergy(synergyClient)
        .tinyPlus(tinyPlusClient)
        .stateStore(engineStore)
        .settings(engineSettings)
        .clock(clock)
        .holder(holder)
        .addListener(new SyncListener() {
          @Override
          public void onConflict(ResolvedConflict conflict) {
            conflicts.add(new SeenConflict(conflict, editSeq));
          }
        })
        .build();
  }

  void sync() {
    operation("sync", () -> engine.syncOnce());
  }

  void downloadAll(RecordType type) {
    operation("download all " + type, () -> engine.downloadAll(type, ProgressListener.none()));
  }

  void uploadAll(RecordType type) {
    if (type == RecordType.TEAM_MEMBER) {
      return;
    }
    operation("upload all " + type, () -> engine.uploadAll(type, ProgressListener.none()));
  }

  void masterSwitchOff() {
    SyncEngine off = engine("switched-off", store, SyncSettings.builder().from(settings).masterSwitch(false).build());
    long synergyCalls = synergy.calls().total();
    long tinyPlusCalls = tinyPlus.calls().total();
    Map<String, Cursor> before = store.cursors(CONNECTION);
    SyncReport report = off.syncOnce();
    if (!report.masterSwitchOff() || synergy.calls().total() != synergyCalls
        || tinyPlus.calls().total() != tinyPlusCalls || !before.equals(store.cursors(CONNECTION))) {
      throw new InvariantViolation("master-switch", "a cycle with the master switch off made "
          + (synergy.calls().total() - synergyCalls) + " Synergy and " + (tinyPlus.calls().total() - tinyPlusCalls)
          + " tiny+ calls or moved a cursor");
    }
    trace("master switch off: no call");
  }

  private SyncReport operation(String name, Supplier<SyncReport> body) {
    int synergyMark = synergy.writes().size();
    int tinyPlusMark = tinyPlus.writes().size();
    try {
      return runOperation(name, body);
    } finally {
      traceWrites("Synergy", synergy.writes(), synergyMark);
      traceWrites("tiny+", tinyPlus.writes(), tinyPlusMark);
    }
  }

  private void traceWrites(String system, List<FakeWrite> writes, int from) {
    for (int i = from; i < writes.size(); i++) {
      FakeWrite w = writes.get(i);
      trace("  " + system + " " + w.source() + " " + w.action() + " " + w.resource() + "/" + w.id() + " "
          + w.members());
    }
  }

  private SyncReport runOperation(String name, Supplier<SyncReport> body) {
    op++;
    inOp = true;
    touchedInOp.clear();
    opCalls = 0;
    opListCalls = 0;
    SyncReport report = null;
    try {
      report = body.get();
      trace(name + " " + summary(report));
    } catch (Intercept.SimulatedCrash e) {
      trace(name + " crashed; a new engine starts on the same state store");
      newEngine();
    } catch (LeaseHeldException e) {
      trace(name + " found the lease held");
    } catch (LeaseLostException e) {
      trace(name + " lost its lease");
    } catch (InvariantViolation e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvariantViolation("engine-error", name + " threw " + e, e);
    } finally {
      inOp = false;
      crashAfter = 0;
      raceAt = 0;
      listEdit = null;
      listEditAt = 0;
      opWriteEnds.put(op, new int[] {synergy.writes().size(), tinyPlus.writes().size()});
    }
    markLanded();
    return report;
  }

  private void afterCall(boolean list) {
    if (suspended || !inOp) {
      return;
    }
    opCalls++;
    if (list) {
      opListCalls++;
      if (listEdit != null && opListCalls == listEditAt) {
        Step edit = listEdit;
        listEdit = null;
        suspended = true;
        try {
          trace("while the engine lists:");
          edit.run(this);
        } finally {
          suspended = false;
        }
      }
    }
    if (raceAt > 0 && opCalls == raceAt) {
      raceAt = 0;
      race();
    }
    if (crashAfter > 0 && opCalls == crashAfter) {
      crashAfter = 0;
      engineDead = true;
      deadFlag[0] = true;
      throw new Intercept.SimulatedCrash("crashed after call " + opCalls);
    }
  }

  /**
   * Invariant 4, the locked statuses: no Synergy create and no Synergy status write for a tiny+ project while it is in
   * a locked state or phase.
   */
  private void beforeCall(Side side, String resource, String method, Object[] args) {
    if (side != Side.SYNERGY || !resource.equals("projects") || settings.statusMapping() == null) {
      return;
    }
    Long tinyPlusId = null;
    if (method.equals("create")) {
      Object reference = ((ProjectCreate) args[0]).members().get("externalReference");
      if (reference instanceof String && ((String) reference).startsWith("tinyplus:")) {
        tinyPlusId = Long.parseLong(((String) reference).substring("tinyplus:".length()));
      }
    } else if (method.equals("patch") && ((ProjectPatch) args[1]).members().containsKey("statusId")) {
      Link link = linkBySynergy(RecordType.PROJECT, (Long) args[0]);
      tinyPlusId = link == null || link.orphaned() ? null : link.tinyPlusId();
    }
    if (tinyPlusId == null || touchedInOp.contains(tinyPlusId)) {
      return; // a person moved it while the engine worked: no conditional writes in either API (documented)
    }
    long id = tinyPlusId;
    dev.synergylink.tinyplus.Project t = orNull(() -> tinyPlus.webApp().project(id));
    if (t != null && locked(t)) {
      throw new InvariantViolation("locked-status", "the engine called Synergy projects." + method + " "
          + Arrays.deepToString(args) + " for tiny+ project " + id + ", which is in a locked status: " + t);
    }
  }

  private void race() {
    suspended = true;
    try {
      if (raceTakeOver) {
        clock.advance(settings.leaseDuration().plusSeconds(1));
      }
      racers++;
      SyncEngine racer = engine("racer-" + racers, store, settings);
      try {
        trace("racer " + summary(racer.syncOnce()));
      } catch (LeaseHeldException e) {
        trace("racer found the lease held");
      } catch (RuntimeException e) {
        throw new InvariantViolation("engine-error", "a second engine's cycle threw " + e, e);
      }
    } finally {
      suspended = false;
    }
  }

  private static String summary(SyncReport report) {
    StringBuilder s = new StringBuilder(report.aborted() ? "aborted " : "");
    report.counts().forEach(c -> s.append(c.recordType()).append('/').append(c.flow()).append(' ')
        .append(c.created()).append(',').append(c.linked()).append(',').append(c.updated()).append(',')
        .append(c.unchanged()).append(',').append(c.skipped()).append(',').append(c.failed()).append(',')
        .append(c.conflicts()).append(',').append(c.orphaned()).append(' '));
    s.append(report.apiCalls(Side.SYNERGY)).append('/').append(report.apiCalls(Side.TINYPLUS));
    return s.toString();
  }

  // =================================================================================================== quiescence

  void quiesce() {
    synergy.faults().clear();
    tinyPlus.faults().clear();
    crashAfter = 0;
    raceAt = 0;
    listEdit = null;
    for (int i = 1; i <= 2; i++) {
      clock.advance(QUIET_GAP);
      SyncReport report = operation("quiet cycle " + i, () -> engine.syncOnce());
      if (report == null || report.aborted()) {
        throw new InvariantViolation("convergence", "quiet cycle " + i + " did not finish: "
            + (report == null ? "see trace" : report.abortedBecause()));
      }
    }
    checkConvergence();
    checkNoLostEdits();
    checkEveryCreateLinked();
    // a further cycle writes nothing and reads only lists; after it, an idle cycle lists one page per type and side
    for (int i = 3; i <= 4; i++) {
      clock.advance(QUIET_GAP);
      Map<FakeOperation, Long> synergyBefore = synergy.calls().asMap();
      Map<FakeOperation, Long> tinyPlusBefore = tinyPlus.calls().asMap();
      // quarantined or excluded records are retried by id when due: a read of each side, the read of the Synergy
      // record before writing over it, and a write attempt
      long retries = store.failures(CONNECTION).size();
      int synergyWrites = synergy.writes().size();
      int tinyPlusWrites = tinyPlus.writes().size();
      Set<String> managersApart = managersKeptApart();
      operation("quiet cycle " + i, () -> engine.syncOnce());
      if (synergy.writes().size() != synergyWrites || tinyPlus.writes().size() != tinyPlusWrites) {
        List<FakeWrite> echo = new ArrayList<>(synergy.writes().subList(synergyWrites, synergy.writes().size()));
        echo.addAll(tinyPlus.writes().subList(tinyPlusWrites, tinyPlus.writes().size()));
        // a manager the convergence check excused (kept apart by the staff-link rules, see View.managerKeptApart)
        // settles when its pair is next merged (a retry of the pair for another reason, say): that write is no echo
        echo.removeIf(w -> w.action() == FakeWrite.Action.UPDATE && managersApart.contains(w.resource() + "/" + w.id())
            && w.members().keySet().equals(Set.of(w.resource().equals("Projects") ? "managerId" : "assigned_user")));
        if (!echo.isEmpty()) {
          throw new InvariantViolation("echo", "quiet cycle " + i + " after convergence wrote " + echo);
        }
      }
      Map<FakeOperation, Long> spent = delta(synergyBefore, synergy.calls().asMap());
      spent.putAll(delta(tinyPlusBefore, tinyPlus.calls().asMap()));
      long other = 0;
      for (Map.Entry<FakeOperation, Long> e : spent.entrySet()) {
        if (e.getKey().isWrite() || e.getKey().pathTemplate().endsWith("{id}")) {
          other += e.getValue();
          continue;
        }
        if (i == 4 && settings.pageSize() == 100 && retries == 0 && e.getValue() != 1) {
          throw new InvariantViolation("echo", "an idle cycle made more than one list call per type and side: "
              + spent);
        }
      }
      if (other > 4 * retries) {
        throw new InvariantViolation("echo", "quiet cycle " + i + " made " + other + " calls other than lists with"
            + " only " + retries + " quarantined records to retry: " + spent);
      }
      long lists = spent.keySet().stream().filter(o -> !o.isWrite() && !o.pathTemplate().endsWith("{id}")).count();
      if (i == 4 && settings.pageSize() == 100 && retries == 0 && lists != 2 * settings.enabledTypes().size()) {
        throw new InvariantViolation("echo", "an idle cycle did not list each type on each side once: " + spent);
      }
    }
    edits.clear();
    conflicts.clear();
    trace("quiescent");
  }

  private static Map<FakeOperation, Long> delta(Map<FakeOperation, Long> before, Map<FakeOperation, Long> after) {
    Map<FakeOperation, Long> spent = new LinkedHashMap<>();
    after.forEach((op, n) -> {
      long d = n - before.getOrDefault(op, 0L);
      if (d > 0) {
        spent.put(op, d);
      }
    });
    return spent;
  }

  // =================================================================================================== invariants

  /** The checks cheap enough for every step: duplicates, direction rules, cursors. */
  void afterStep() {
    checkNoDuplicates();
    checkDirections();
    checkCursors();
    trace("calls " + synergy.calls().total() + "/" + tinyPlus.calls().total() + " writes " + synergy.writes().size()
        + "/" + tinyPlus.writes().size());
  }

  private void checkNoDuplicates() {
    for (View<?, ?> view : views.values()) {
      view.checkNoDuplicates();
    }
  }

  private void checkDirections() {
    List<FakeWrite> writes = synergy.writes();
    for (int i = synergyWritesChecked; i < writes.size(); i++) {
      FakeWrite w = writes.get(i);
      if (w.source() != FakeWrite.Source.API) {
        continue;
      }
      if (w.resource().equals("Staff")) {
        throw new InvariantViolation("direction", "the engine wrote to Synergy staff: " + w);
      }
      RecordType type = synergyType(w.resource());
      if (type == null) {
        continue;
      }
      Set<String> allowed = new HashSet<>(Set.of("externalReference"));
      if (w.action() == FakeWrite.Action.CREATE) {
        allowed.add(type == RecordType.PROJECT ? "initialFee" : "contactType"); // the fee's create-only member
      }
      for (FieldRule<?, ?> rule : views.get(type).mapping.rules()) {
        if (rule.direction() == Direction.BOTH || rule.direction() == Direction.TO_SYNERGY
            || (rule.direction() == Direction.SYNERGY_AFTER_CREATE && w.action() == FakeWrite.Action.CREATE)) {
          allowed.add(rule.synergyField());
        }
      }
      for (String member : w.members().keySet()) {
        if (!allowed.contains(member)) {
          throw new InvariantViolation("direction", "the engine sent " + member + ", which Synergy owns or is not"
              + " synced, to Synergy: " + w);
        }
      }
    }
    synergyWritesChecked = writes.size();
  }

  private static RecordType synergyType(String resource) {
    return resource.equals("Contacts") ? RecordType.COMPANY : resource.equals("Personnel") ? RecordType.CONTACT
        : resource.equals("Projects") && PROJECTS ? RecordType.PROJECT : null;
  }

  private void checkCursors() {
    Map<String, Cursor> now = store.cursors(CONNECTION);
    for (Map.Entry<String, Cursor> e : now.entrySet()) {
      Cursor before = cursors.get(e.getKey());
      if (before != null && e.getValue().compareTo(before) < 0) {
        throw new InvariantViolation("cursor", e.getKey() + " moved back from " + before + " to " + e.getValue());
      }
    }
    cursors.putAll(now);
  }

  private void checkConvergence() {
    List<String> problems = new ArrayList<>();
    for (RecordFailure failure : store.failures(CONNECTION)) {
      // a record that cannot be synced (a contact whose company's partner was deleted) may keep failing
      if (failure.kind() == RecordFailure.Kind.FAILING && views.get(failure.recordType()).mustLink(failure)) {
        problems.add("still failing after quiet cycles without faults: " + failure);
      }
    }
    for (View<?, ?> view : views.values()) {
      view.checkConverged(problems);
    }
    if (!problems.isEmpty()) {
      throw new InvariantViolation("convergence", String.join("\n  ", problems));
    }
  }

  private void checkEveryCreateLinked() {
    Set<String> linked = new HashSet<>();
    for (RecordType type : views.keySet()) {
      for (Link link : store.links(CONNECTION, type)) {
        linked.add(type + "/SYNERGY/" + link.synergyId());
        linked.add(type + "/TINYPLUS/" + link.tinyPlusId());
      }
    }
    for (FakeWrite w : synergy.writes()) {
      RecordType type = synergyType(w.resource());
      if (type != null && w.source() == FakeWrite.Source.API && w.action() == FakeWrite.Action.CREATE
          && !linked.contains(type + "/SYNERGY/" + w.id()) && views.get(type).synergyGet.apply(w.id()) != null) {
        throw new InvariantViolation("duplicate", "the engine created Synergy " + type + " " + w.id()
            + " and never linked it (a double create?)");
      }
    }
    for (FakeWrite w : tinyPlus.writes()) {
      RecordType type = w.resource().equals("companies") ? RecordType.COMPANY
          : w.resource().equals("contacts") ? RecordType.CONTACT
          : w.resource().equals("team_members") ? RecordType.TEAM_MEMBER
          : w.resource().equals("projects") && PROJECTS ? RecordType.PROJECT : null;
      if (type != null && w.source() == FakeWrite.Source.API && w.action() == FakeWrite.Action.CREATE
          && !linked.contains(type + "/TINYPLUS/" + w.id())) {
        SyncedRecord record = views.get(type).tinyGet.apply(w.id());
        if (record != null && !views.get(type).tinyDeletedUnchecked(record)) {
          throw new InvariantViolation("duplicate", "the engine created tiny+ " + type + " " + w.id()
              + " and never linked it (a double create?)");
        }
      }
    }
  }

  // ---- no lost edit

  private void track(RecordType type, Side side, long id, String ruleName) {
    View<?, ?> view = views.get(type);
    FieldRule<?, ?> rule = view.mapping.rule(ruleName).orElseThrow();
    Link link = side == Side.SYNERGY ? linkBySynergy(type, id) : linkByTinyPlus(type, id);
    String value = view.value(side, id, ruleName);
    TinyPlusStatus tinyPlusStatus = null;
    if (type == RecordType.PROJECT && side == Side.TINYPLUS && ruleName.equals("status")) {
      dev.synergylink.tinyplus.Project t = orNull(() -> tinyPlus.webApp().project(id));
      tinyPlusStatus = t == null ? null : TinyPlusStatus.of(t.state(), t.phase());
    }
    TrackedEdit e = new TrackedEdit(type, side, id, ruleName, value, ++editSeq, inOp ? op : -1,
        side == Side.SYNERGY ? synergy.writes().size() : tinyPlus.writes().size(),
        link != null && !link.orphaned() && (sameAsBase(link, side, rule, value)
            || tinyPlusStatus != null && phaseOfBase(link, tinyPlusStatus))
            || link == null && sameAsSent(type, side, id, rule, value),
        link != null);
    e.tinyPlusStatus = tinyPlusStatus;
    edits.add(e);
    markLanded(e);
  }

  /**
   * Whether an edit of a record whose copy's create is still open (its answer lost, or the engine crashed before the
   * link was saved) sets the value that create sent: the engine merges the copy, once found, against what it sent
   * (see {@link dev.synergylink.sync.spi.PendingCreate#sent()}), so such an edit is no change it can see.
   */
  private boolean sameAsSent(RecordType type, Side side, long id, FieldRule<?, ?> rule, String value) {
    for (dev.synergylink.sync.spi.PendingCreate intent : store.pendingCreates(CONNECTION, type)) {
      if (intent.target() == side.other() && intent.sourceId() == id && !SnapshotCodec.decode(intent.sent()).isEmpty()) {
        return Objects.equals(rule.normalise(SnapshotCodec.decode(intent.sent()).get(rule.name())), value);
      }
    }
    return false;
  }

  /**
   * Whether an edit sets the value the engine takes as that side's merge base: no change it can see. Where the
   * engine keeps a field apart (one side could not take the other's value, or a held-back change), each side has its
   * own base in the snapshot (see {@link Link#snapshot()}); a held-back tiny+ change has none that a value equals.
   */
  private static boolean sameAsBase(Link link, Side side, FieldRule<?, ?> rule, String value) {
    String own = SnapshotCodec.decode(link.state()).get(rule.name() + (side == Side.SYNERGY ? "@synergy" : "@tinyplus"));
    if (own == null) {
      return Objects.equals(rule.normalise(SnapshotCodec.decode(link.state()).get(rule.name())), value);
    }
    if (own.startsWith("\u0000")) {
      return own.equals("\u0000") && value == null;
    }
    return Objects.equals(rule.normalise(own), value);
  }

  /**
   * Whether a tiny+ status edit set the state and phase that the pair's synced status maps to: tiny+ holds a state and
   * phase, not a Synergy status, and where several Synergy statuses share a phase the engine reads the phase as the
   * synced status while that status maps to it (ProjectMappings: the status rule compares in Synergy's terms). Such an
   * edit changes nothing the engine can see, like any edit back to the merge base (ARCHITECTURE, one cycle, step 3: no
   * difference is a no-op edit). The simulation's own reading names the status by the partner's current status, which
   * a Synergy edit made just before may have moved off the phase, so the edit's value alone does not show this.
   */
  private boolean phaseOfBase(Link link, TinyPlusStatus set) {
    StatusMapping mapping = settings.statusMapping();
    String base = SnapshotCodec.decode(link.state()).get("status");
    if (mapping == null || SnapshotCodec.decode(link.state()).containsKey("status@tinyplus") || base == null || base.isEmpty()
        || !base.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return set.equals(mapping.tinyPlusStatus(Long.parseLong(base)));
  }

  /** The projects (as "Projects/id" and "projects/id") whose managers are kept apart by the staff-link rules. */
  private Set<String> managersKeptApart() {
    Set<String> apart = new HashSet<>();
    View<?, ?> view = views.get(RecordType.PROJECT);
    if (view == null) {
      return apart;
    }
    for (Link link : store.links(CONNECTION, RecordType.PROJECT)) {
      if (!link.orphaned() && view.managerKeptApart(link)) {
        apart.add("Projects/" + link.synergyId());
        apart.add("projects/" + link.tinyPlusId());
      }
    }
    return apart;
  }

  private void markLanded() {
    for (TrackedEdit e : edits) {
      markLanded(e);
    }
  }

  private void markLanded(TrackedEdit e) {
    if (e.landed) {
      return;
    }
    Link link = e.side == Side.SYNERGY ? linkBySynergy(e.type, e.id) : linkByTinyPlus(e.type, e.id);
    Long partner;
    if (link == null) {
      // the engine's copy made before its link was saved (a crash, a lost answer) carries the edit too: it was sent
      partner = e.type == RecordType.TEAM_MEMBER ? null : views.get(e.type).markedCopy(e.side, e.id);
      if (partner == null) {
        return;
      }
    } else if (link.orphaned()) {
      return;
    } else {
      partner = e.side == Side.SYNERGY ? link.tinyPlusId() : link.synergyId();
    }
    String there = views.get(e.type).value(e.side.other(), partner, e.rule);
    if (Objects.equals(there, resolved(e.value))) {
      e.landed = true;
    }
    // Several Synergy statuses may share one tiny+ phase (the guide maps statuses to phases, not one to one). A tiny+
    // person sets a state and phase, not one of those statuses: the edit's value in Synergy's terms depends on the
    // partner's status when it is read (its own status while that maps to the phase). So a tiny+ status edit has
    // landed when the Synergy partner's status maps to the state and phase the person set, whichever of the statuses
    // sharing it Synergy holds (a Synergy edit to another of them is no loss of the tiny+ edit).
    StatusMapping mapping = settings.statusMapping();
    if (e.tinyPlusStatus != null && mapping != null && there != null && !there.isEmpty()
        && there.chars().allMatch(Character::isDigit)
        && e.tinyPlusStatus.equals(mapping.tinyPlusStatus(Long.parseLong(there)))) {
      e.landed = true;
    }
  }

  private void checkNoLostEdits() {
    for (TrackedEdit e : edits) {
      View<?, ?> view = views.get(e.type);
      FieldRule<?, ?> rule = view.mapping.rule(e.rule).orElseThrow();
      if (rule.direction() != Direction.BOTH || e.landed || e.sameAsBase) {
        continue;
      }
      Link link = e.side == Side.SYNERGY ? linkBySynergy(e.type, e.id) : linkByTinyPlus(e.type, e.id);
      if (!livePair(e.type, link) || !view.eligible(link)) {
        continue;
      }
      if (e.side == Side.TINYPLUS && view.unlinkedAssignee(e.rule, e.value)) {
        continue; // the guide's rule: an assignee who is no linked team member is not sent to Synergy
      }
      if (e.type == RecordType.PROJECT && e.rule.equals("manager") && view.managerKeptApart(link)) {
        // the manager is kept apart by the staff-link rules since (an unlinked manager went to tiny+ as the activating
        // user, or an assignee linked with no staff member left Synergy's manager), and neither project's manager has
        // been edited since: the convergence check excuses the same, for the same reason
        continue;
      }
      if (e.type == RecordType.PROJECT && e.rule.equals("manager") && deletedStaff(e.value)) {
        // the staff member the edit named was deleted in Synergy since (and the team member's link orphaned): the
        // edit cannot land any more, and the guide's rules for a manager or an assignee who is not linked apply
        continue;
      }
      if (e.rule.equals("parent") && e.side == Side.TINYPLUS
          && (e.value == null || resolved(e.value).startsWith("tinyplus-company:"))) {
        continue; // a contact without a synced company is not sent to Synergy: the guide's rule
      }
      if (e.rule.equals("parent") && e.side == Side.TINYPLUS && !e.value.startsWith("tinyplus-company:")
          && views.get(RecordType.COMPANY).synergyGet.apply(Long.parseLong(e.value)) == null) {
        // The company chosen in tiny+ had been deleted in Synergy (the value is its Synergy id as linked when the edit
        // was made): it is not synced any more, so the contact is not sent (the guide's rule). The engine learns of
        // the deletion when Synergy refuses the contact, orphans the company's link, and from then on reads (and keeps
        // in any conflict) the value as an unsynced tiny+ company, which this edit's recorded value cannot match.
        continue;
      }
      boolean superseded = edits.stream().anyMatch(o -> o.seq > e.seq && o.type == e.type && o.side == e.side
          && o.id == e.id && o.rule.equals(e.rule));
      if (superseded) {
        continue;
      }
      boolean lostConflict = conflicts.stream().anyMatch(c -> c.afterEdit >= e.seq
          && c.conflict.conflict().recordType() == e.type && c.conflict.conflict().field().equals(e.rule)
          && c.conflict.conflict().synergyId() == link.synergyId()
          && c.conflict.conflict().tinyPlusId() == link.tinyPlusId()
          && c.conflict.winner() != e.side
          && Objects.equals(resolvedEver(rule.normalise(c.conflict.losingValue())), resolved(e.value)));
      if (lostConflict) {
        continue;
      }
      if (!e.linkedAtEdit && !createdByEngine(e.side.other(), e.type,
          e.side == Side.SYNERGY ? link.tinyPlusId() : link.synergyId())) {
        continue; // two existing records matched by natural key: the manual control's side wins where both differ
      }
      if (e.op >= 0 && overwrittenInSameOp(e, rule)) {
        continue; // the documented limit: no conditional writes in either API
      }
      throw new InvariantViolation("lost-edit", "a person set " + e.type + " " + e.rule + " of " + e.side
          + " record " + e.id + " to '" + e.value + "'; it never reached the other side and no conflict kept it;"
          + " now Synergy has '" + view.value(Side.SYNERGY, link.synergyId(), e.rule) + "' and tiny+ has '"
          + view.value(Side.TINYPLUS, link.tinyPlusId(), e.rule) + "' (link " + link + ")");
    }
  }

  /** Whether a manager value names a Synergy staff member who no longer exists. */
  private boolean deletedStaff(String value) {
    String staff = staffOf(value);
    return staff != null && !staff.isEmpty() && staff.chars().allMatch(Character::isDigit)
        && orNull(() -> synergy.webApp().staffMember(Long.parseLong(staff))) == null;
  }

  /**
   * A Synergy manager value as its staff id: the engine marks a manager linked with no team member (its reading
   * depends on the staff links, like a tiny+ assignee's), and the edit names the same staff member either way.
   */
  private static String staffOf(String value) {
    String prefix = "synergy-staff:";
    return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
  }

  /**
   * A related company that was not synced when the edit was made reads as its tiny+ id; once it is synced, the edit's
   * value is its Synergy partner.
   */
  private String resolved(String value) {
    String prefix = "tinyplus-company:";
    if (value == null || !value.startsWith(prefix)) {
      return staffOf(value);
    }
    Long synergyId = context.linkedSynergyId(RecordType.COMPANY, Long.parseLong(value.substring(prefix.length())));
    return synergyId == null ? value : synergyId.toString();
  }

  /**
   * Like {@link #resolved}, but through an orphaned link too. A conflict's losing value names the related company as
   * the engine read it at the merge: when the company's link was orphaned between the edit and the merge (its Synergy
   * partner was deleted), the value names the tiny+ company that the edit chose, while the edit was recorded as that
   * company's Synergy partner. Both name the same choice: the edit lost the conflict and is kept in the log. Only the
   * lost-conflict match uses this; whether an edit landed, or is not sent at all (the guide's rule for a contact
   * without a synced company), still goes by the live links.
   */
  private String resolvedEver(String value) {
    String prefix = "tinyplus-company:";
    if (value == null || !value.startsWith(prefix)) {
      return staffOf(value);
    }
    Link link = linkByTinyPlus(RecordType.COMPANY, Long.parseLong(value.substring(prefix.length())));
    return link == null ? value : Long.toString(link.synergyId());
  }

  private boolean createdByEngine(Side side, RecordType type, long id) {
    String resource = side == Side.SYNERGY
        ? (type == RecordType.COMPANY ? "Contacts" : type == RecordType.CONTACT ? "Personnel"
            : type == RecordType.PROJECT ? "Projects" : "Staff")
        : (type == RecordType.COMPANY ? "companies" : type == RecordType.CONTACT ? "contacts"
            : type == RecordType.PROJECT ? "projects" : "team_members");
    for (FakeWrite w : side == Side.SYNERGY ? synergy.writes() : tinyPlus.writes()) {
      if (w.source() == FakeWrite.Source.API && w.action() == FakeWrite.Action.CREATE && w.id() == id
          && w.resource().equals(resource)) {
        return true;
      }
    }
    return false;
  }

  private boolean overwrittenInSameOp(TrackedEdit e, FieldRule<?, ?> rule) {
    List<FakeWrite> writes = e.side == Side.SYNERGY ? synergy.writes() : tinyPlus.writes();
    int end = opWriteEnds.getOrDefault(e.op, new int[] {writes.size(), writes.size()})[e.side == Side.SYNERGY ? 0 : 1];
    String field = e.side == Side.SYNERGY ? rule.synergyField() : rule.tinyPlusField();
    for (int i = e.writeMark; i < end && i < writes.size(); i++) {
      FakeWrite w = writes.get(i);
      if (w.source() == FakeWrite.Source.API && w.id() == e.id && w.members().containsKey(field)) {
        return true;
      }
    }
    return false;
  }

  // =================================================================================================== helpers

  Link linkBySynergy(RecordType type, long id) {
    return store.linksBySynergyId(CONNECTION, type, List.of(id)).get(id);
  }

  Link linkByTinyPlus(RecordType type, long id) {
    return store.linksByTinyPlusId(CONNECTION, type, List.of(id)).get(id);
  }

  /** A link that is not orphaned and whose two records both still exist. */
  boolean livePair(RecordType type, Link link) {
    if (link == null || link.orphaned()) {
      return false;
    }
    View<?, ?> view = views.get(type);
    SyncedRecord t = view.tinyGet.apply(link.tinyPlusId());
    return view.synergyGet.apply(link.synergyId()) != null && t != null && !view.tinyDeletedUnchecked(t);
  }

  private List<Company> liveCompanies() {
    List<Company> live = new ArrayList<>();
    for (Company c : tinyPlus.webApp().companies()) {
      if (c.recordStatus() != RecordStatus.DELETED) {
        live.add(c);
      }
    }
    return live;
  }

  static <X> X pick(List<X> list, int pick) {
    return list.isEmpty() ? null : list.get(Math.floorMod(pick, list.size()));
  }

  private static int pickOf(String value) {
    return Integer.parseInt(value.substring("pick:".length()));
  }

  private static <X> X orNull(Supplier<X> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void setIfNotNull(String value, java.util.function.Consumer<String> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static String[] parts(String value) {
    String[] p = value.split("\\|", -1);
    for (int i = 0; i < p.length; i++) {
      p[i] = p[i].isEmpty() ? null : p[i];
    }
    return p;
  }

  static dev.synergylink.synergy.Address synergyAddress(String value) {
    if (value == null) {
      return null;
    }
    String[] p = parts(value);
    return dev.synergylink.synergy.Address.builder().address1(p[0]).town(p[1]).state(p[2]).zipCode(p[3])
        .country(p[4]).build();
  }

  static dev.synergylink.tinyplus.Address tinyPlusAddress(String value) {
    if (value == null) {
      return null;
    }
    String[] p = parts(value);
    return dev.synergylink.tinyplus.Address.builder().street(p[0]).suburb(p[1]).state(p[2]).postcode(p[3])
        .country(p[4]).build();
  }

  void trace(String line) {
    trace.add(line);
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  /** The hash of the trace so far and of the final state of both systems and the store. */
  String traceHash() {
    for (View<?, ?> view : views.values()) {
      trace(view.synergyAll.get().toString());
      trace(view.tinyAll.get().toString());
      trace(store.links(CONNECTION, view.type).toString());
    }
    trace(store.cursors(CONNECTION).toString());
    return HexFormat.of().formatHex(digest.digest());
  }

  boolean engineDead() {
    return engineDead;
  }

  // =================================================================================================== types

  private static final class TrackedEdit {
    final RecordType type;
    final Side side;
    final long id;
    final String rule;
    final String value;
    final int seq;
    final int op;
    final int writeMark;
    final boolean sameAsBase;
    final boolean linkedAtEdit;
    /** For a tiny+ status edit: the state and phase the person set. */
    TinyPlusStatus tinyPlusStatus;
    boolean landed;

    TrackedEdit(RecordType type, Side side, long id, String rule, String value, int seq, int op, int writeMark,
        boolean sameAsBase, boolean linkedAtEdit) {
      this.type = type;
      this.side = side;
      this.id = id;
      this.rule = rule;
      this.value = value;
      this.seq = seq;
      this.op = op;
      this.writeMark = writeMark;
      this.sameAsBase = sameAsBase;
      this.linkedAtEdit = linkedAtEdit;
    }
  }

  /** A conflict the engine settled, with the number of edits made before it. */
  private record SeenConflict(ResolvedConflict conflict, int afterEdit) {}

  /** The link table and web links, as the engine's field rules read them. */
  private final class StoreContext implements FieldContext {
    @Override
    public SyncSettings settings() {
      return settings;
    }

    @Override
    public String synergyOrganisation() {
      return settings.synergyOrganisation();
    }

    @Override
    public Long linkedSynergyId(RecordType type, long tinyPlusId) {
      Link link = linkByTinyPlus(type, tinyPlusId);
      return link == null || link.orphaned() ? null : link.synergyId();
    }

    @Override
    public Long linkedTinyPlusId(RecordType type, long synergyId) {
      Link link = linkBySynergy(type, synergyId);
      return link == null || link.orphaned() ? null : link.tinyPlusId();
    }

    @Override
    public boolean hasSynergyLink(RecordType type, long synergyId) {
      return linkBySynergy(type, synergyId) != null;
    }

    @Override
    public String synergyWebLink(RecordType type, long synergyId) {
      String kind = type == RecordType.TEAM_MEMBER ? "Staff" : type == RecordType.COMPANY ? "Contacts"
          : type == RecordType.CONTACT ? "Personnel" : "Projects";
      return settings.synergyWebAddress() + "/Organisation/" + settings.synergyOrganisation() + "/" + kind + "/"
          + synergyId;
    }
  }

  /** One record type seen through both web apps' back doors, with its field rules. */
  final class View<S, T extends SyncedRecord> {
    final RecordType type;
    final FieldMapping<S, T> mapping;
    final Supplier<List<S>> synergyAll;
    final ToLongFunction<S> synergyId;
    final LongFunction<S> synergyGet;
    final Supplier<List<T>> tinyAll;
    final LongFunction<T> tinyGet;
    final Predicate<T> tinyDeleted;
    final Predicate<S> synergyMustLink;
    final Predicate<T> tinyMustLink;
    /** Readers that replace a rule's own (rules that read through the engine's run). */
    final Map<String, Function<S, String>> synergyReaders = new HashMap<>();
    final Map<String, Function<T, String>> tinyReaders = new HashMap<>();

    String readSynergy(FieldRule<S, T> rule, S s) {
      Function<S, String> reader = synergyReaders.get(rule.name());
      return rule.normalise(reader != null ? reader.apply(s) : rule.readSynergy(s, context));
    }

    String readTinyPlus(FieldRule<S, T> rule, T t) {
      Function<T, String> reader = tinyReaders.get(rule.name());
      return rule.normalise(reader != null ? reader.apply(t) : rule.readTinyPlus(t, context));
    }

    View(RecordType type, FieldMapping<S, T> mapping, Supplier<List<S>> synergyAll, ToLongFunction<S> synergyId,
        LongFunction<S> synergyGet, Supplier<List<T>> tinyAll, LongFunction<T> tinyGet, Predicate<T> tinyDeleted,
        Predicate<S> synergyMustLink, Predicate<T> tinyMustLink) {
      this.type = type;
      this.mapping = mapping;
      this.synergyAll = synergyAll;
      this.synergyId = synergyId;
      this.synergyGet = synergyGet;
      this.tinyAll = tinyAll;
      this.tinyGet = tinyGet;
      this.tinyDeleted = tinyDeleted;
      this.synergyMustLink = synergyMustLink;
      this.tinyMustLink = tinyMustLink;
    }

    /** Whether both records of a live pair must be synced (a contact's company is synced on both sides). */
    boolean eligible(Link link) {
      S s = synergyGet.apply(link.synergyId());
      T t = tinyGet.apply(link.tinyPlusId());
      return s != null && t != null && synergyMustLink.test(s) && tinyMustLink.test(t);
    }

    /** Whether the record a failure is about exists and must be synced. */
    boolean mustLink(RecordFailure failure) {
      if (failure.side() == Side.SYNERGY) {
        S s = synergyGet.apply(failure.recordId());
        return s != null && synergyMustLink.test(s);
      }
      T t = tinyGet.apply(failure.recordId());
      return t != null && !tinyDeleted.test(t) && (type != RecordType.TEAM_MEMBER && tinyMustLink.test(t));
    }

    @SuppressWarnings("unchecked")
    boolean tinyDeletedUnchecked(SyncedRecord record) {
      return tinyDeleted.test((T) record);
    }

    Long pickSynergy(int pick) {
      S s = pick(synergyAll.get(), pick);
      return s == null ? null : synergyId.applyAsLong(s);
    }

    Long pickTinyPlus(int pick) {
      List<T> live = new ArrayList<>();
      for (T t : tinyAll.get()) {
        if (!tinyDeleted.test(t)) {
          live.add(t);
        }
      }
      T t = pick(live, pick);
      return t == null ? null : t.id();
    }

    /** The normalised value of a rule on one record, or null when the record is gone. */
    String value(Side side, long id, String ruleName) {
      FieldRule<S, T> rule = mapping.rule(ruleName).orElseThrow();
      if (side == Side.SYNERGY) {
        S s = synergyGet.apply(id);
        return s == null ? null : readSynergy(rule, s);
      }
      T t = tinyGet.apply(id);
      return t == null ? null : readTinyPlus(rule, t);
    }

    /**
     * The guide's rule for a tiny+ assignee who is not linked with a staff member: the Synergy manager is left as it
     * is (the engine reports the field as not synced).
     */
    boolean unlinkedAssignee(String rule, String tinyPlusValue) {
      return type == RecordType.PROJECT && rule.equals("manager") && tinyPlusValue != null
          && tinyPlusValue.startsWith("tinyplus-member:");
    }

    /**
     * A manager the engine left apart by the guide's rules for staff links (a tiny+ assignee linked with no staff
     * member leaves the Synergy manager as it is; an unlinked Synergy manager becomes the activating user) when
     * neither project has been edited since: Synergy still holds its own base, and tiny+ the same assignee, who may
     * have been linked with a staff member in between (a staff member created and matched, say). Linking a team
     * member edits no project, and the guide promises no new sync of the projects assigned to them: the engine is
     * change-driven (ARCHITECTURE: only changed records are compared and written), so the pair stays apart until
     * either project's manager is changed. Any edit of either side's manager since still has to converge.
     */
    boolean managerKeptApart(Link link) {
      if (type != RecordType.PROJECT) {
        return false;
      }
      S s = synergyGet.apply(link.synergyId());
      T t = tinyGet.apply(link.tinyPlusId());
      FieldRule<S, T> rule = mapping.rule("manager").orElse(null);
      return s != null && t != null && rule != null
          && managerApartSinceUnlinked(link, "manager", readSynergy(rule, s), t);
    }

    /** See {@link #managerKeptApart}: the same, for one field's values. */
    boolean managerApartSinceUnlinked(Link link, String rule, String synergyValue, T t) {
      if (type != RecordType.PROJECT || !rule.equals("manager")) {
        return false;
      }
      String synergyBase = SnapshotCodec.decode(link.state()).get("manager@synergy");
      String tinyPlusBase = SnapshotCodec.decode(link.state()).get("manager@tinyplus");
      if (synergyBase == null || tinyPlusBase == null) {
        return false; // not kept apart
      }
      Long assignee = ((dev.synergylink.tinyplus.Project) t).assignedUser();
      // the same staff member, linked with a team member since or not (a manager not linked reads as a marked text)
      boolean synergySame = Objects.equals(staffOf(synergyValue),
          staffOf(synergyBase.equals("\u0000") ? null : synergyBase));
      boolean tinyPlusSame = assignee != null && (tinyPlusBase.equals("tinyplus-member:" + assignee)
          || tinyPlusBase.equals(String.valueOf(context.linkedSynergyId(RecordType.TEAM_MEMBER, assignee))));
      return synergySame && tinyPlusSame;
    }

    /**
     * The id of the engine's copy of a record, found by the marker the copy carries (its link may not be saved yet: a
     * crash or a lost answer after the create), or null.
     */
    Long markedCopy(Side originalSide, long originalId) {
      if (originalSide == Side.SYNERGY) {
        for (T t : tinyAll.get()) {
          if (!tinyDeleted.test(t) && settings.syncOrigin().equals(t.syncOrigin())
              && Long.toString(originalId).equals(t.remoteId())) {
            return t.id();
          }
        }
        return null;
      }
      for (S s : synergyAll.get()) {
        if (("tinyplus:" + originalId).equals(externalReference(s))) {
          return synergyId.applyAsLong(s);
        }
      }
      return null;
    }

    /** The marker a Synergy record carries (its {@code externalReference}), or null. */
    private String externalReference(S s) {
      return s instanceof Contact ? ((Contact) s).externalReference()
          : s instanceof Project ? ((Project) s).externalReference()
          : s instanceof Personnel ? ((Personnel) s).externalReference() : null;
    }

    void checkNoDuplicates() {
      Map<String, List<Long>> byRemote = new HashMap<>();
      for (T t : tinyAll.get()) {
        if (!tinyDeleted.test(t) && settings.syncOrigin().equals(t.syncOrigin()) && t.remoteId() != null) {
          byRemote.computeIfAbsent(t.remoteId(), k -> new ArrayList<>()).add(t.id());
        }
      }
      byRemote.forEach((remote, ids) -> {
        if (ids.size() > 1) {
          throw new InvariantViolation("duplicate", "tiny+ " + type + " records " + ids + " are all copies of"
              + " Synergy record " + remote);
        }
      });
      if (type == RecordType.TEAM_MEMBER) {
        return;
      }
      Map<String, List<Long>> byReference = new HashMap<>();
      for (S s : synergyAll.get()) {
        String reference = externalReference(s);
        if (reference != null && reference.startsWith("tinyplus:")) {
          byReference.computeIfAbsent(reference, k -> new ArrayList<>()).add(synergyId.applyAsLong(s));
        }
      }
      byReference.forEach((reference, ids) -> {
        if (ids.size() > 1) {
          throw new InvariantViolation("duplicate", "Synergy " + type + " records " + ids + " all carry " + reference);
        }
      });
    }

    void checkConverged(List<String> problems) {
      Set<Long> excludedSynergy = new HashSet<>();
      Set<Long> excludedTinyPlus = new HashSet<>();
      for (RecordFailure f : engine.health().failures()) {
        // only a contact may be left out: its related company is not synced (the guide's rule)
        if (f.recordType() == type && type == RecordType.CONTACT && f.kind() == RecordFailure.Kind.EXCLUDED) {
          (f.side() == Side.SYNERGY ? excludedSynergy : excludedTinyPlus).add(f.recordId());
        }
        // and a Synergy project whose client was deleted before it was ever synced, when the engine says so
        if (f.recordType() == type && excludedForAClientNeverSynced(f)) {
          excludedSynergy.add(f.recordId());
        }
      }
      List<Link> links = store.links(CONNECTION, type);
      Map<Long, Link> bySynergy = new HashMap<>();
      Map<Long, Link> byTinyPlus = new HashMap<>();
      for (Link link : links) {
        bySynergy.put(link.synergyId(), link);
        byTinyPlus.put(link.tinyPlusId(), link);
        if (!livePair(type, link)) {
          continue;
        }
        S s = synergyGet.apply(link.synergyId());
        T t = tinyGet.apply(link.tinyPlusId());
        if (!synergyMustLink.test(s) || !tinyMustLink.test(t)) {
          continue; // a contact whose company is not synced (any more) is not synchronised: the guide's rule
        }
        if (!String.valueOf(link.synergyId()).equals(t.remoteId()) || !settings.syncOrigin().equals(t.syncOrigin())) {
          problems.add(type + " tiny+ " + t.id() + " is linked with Synergy " + link.synergyId()
              + " but does not carry its marker: " + t);
        }
        for (FieldRule<S, T> rule : mapping.rules()) {
          if (rule.direction() == Direction.NONE) {
            continue;
          }
          String sv = readSynergy(rule, s);
          String tv = readTinyPlus(rule, t);
          boolean excused = excludedSynergy.contains(link.synergyId())
              || excludedTinyPlus.contains(link.tinyPlusId()) || unlinkedAssignee(rule.name(), tv)
              || managerApartSinceUnlinked(link, rule.name(), sv, t);
          if (!Objects.equals(sv, tv) && !excused) {
            problems.add(type + " " + rule.name() + " differs: Synergy " + link.synergyId() + " has '" + sv
                + "', tiny+ " + link.tinyPlusId() + " has '" + tv + "'");
          }
        }
      }
      for (S s : synergyAll.get()) {
        long id = synergyId.applyAsLong(s);
        if (synergyMustLink.test(s) && !bySynergy.containsKey(id) && !excludedSynergy.contains(id)) {
          problems.add("Synergy " + type + " " + id + " never reached tiny+: " + s);
        }
      }
      if (type == RecordType.TEAM_MEMBER) {
        return;
      }
      for (T t : tinyAll.get()) {
        if (tinyMustLink.test(t) && !byTinyPlus.containsKey(t.id()) && !excludedTinyPlus.contains(t.id())) {
          problems.add("tiny+ " + type + " " + t.id() + " never reached Synergy: " + t);
        }
      }
    }
  }
}
