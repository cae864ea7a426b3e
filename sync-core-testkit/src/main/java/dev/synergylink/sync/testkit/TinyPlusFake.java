package dev.synergylink.sync.testkit;

import dev.synergylink.tinyplus.Account;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.PagedQuery;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.RecordQuery;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusCompanies;
import dev.synergylink.tinyplus.TinyPlusContacts;
import dev.synergylink.tinyplus.TinyPlusProjectPhases;
import dev.synergylink.tinyplus.TinyPlusProjectTypes;
import dev.synergylink.tinyplus.TinyPlusProjects;
import dev.synergylink.tinyplus.TinyPlusTeamMembers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An in-memory tiny+ account that implements {@link TinyPlusClient}, for tests of code that talks to tiny+. It keeps
 * the contract's behaviour, quirks included: server-assigned ids; {@code modified_date} set on every write, held in
 * the account's local time to the second (two writes in one second share it); {@code modifiedAfter} and
 * {@code modifiedBefore} strict, compared in local time to the second; offset paging over the live result set;
 * soft deletes, hidden from lists unless {@code record_status=deleted} is asked for; the validations the contract
 * names (a phase outside its project's state, an unknown project type, company or team member, only ghost team
 * members by POST, no email change for an active team member, no {@code null} address, 409 for a duplicate project
 * type). What it refuses for breaking the contract is kept in {@link #contractViolations()}.
 *
 * <p>Tests act as a person in the tiny+ app through {@link #webApp()}: seed and edit records, delete them, add
 * phases, project types and team members, read the whole state. Assert API-call economy with {@link #calls()} and
 * writes with {@link #writes()}; inject faults with {@link #faults()}. Nothing reads the wall clock: the fake runs
 * on the clock given to its builder, normally a {@link ManualClock} shared with the code under test.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
 * TinyPlusFake tiny = TinyPlusFake.builder(clock).build();
 *
 * // a person adds a company in the app
 * Company acme = tiny.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
 *
 * // the code under test sees it through the client interface
 * TinyPlusClient client = tiny;
 * Page<Company> page = client.companies().list(CompanyQuery.builder().build());
 *
 * // make the next company create answer 503, then check the calls made
 * tiny.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.unavailable());
 * assertThat(tiny.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(1);
 * }</pre>
 *
 * <p>A new fake holds one active account-admin team member ({@link #ADMIN_ID}), who is the user of the API
 * ({@link #me()}), and a pipeline of phases for each of the six project states; see {@link Builder#empty()}.
 * Faults surface as the client's exceptions ({@code TinyPlusServerException}, {@code TinyPlusTransportException},
 * ...). {@link #zone()} answers without a call; {@link #account()} is a counted call.
 *
 * <p>Thread-safe. Serve it over HTTP with {@link TinyPlusHttpFakeServer}.
 */
public final class TinyPlusFake implements TinyPlusClient {
  /** The id of the account-admin team member a new fake holds. */
  public static final long ADMIN_ID = 1;
  /** The default account time zone. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Australia/Sydney");

  private final TinyPlusBackend backend;
  private final TinyPlusModels models;
  private final TinyPlusWebApp webApp;

  private TinyPlusFake(Builder b) {
    this.backend = new TinyPlusBackend(b.clock, b.zone, b.accountId, b.accountName, b.seed);
    this.models = new TinyPlusModels(b.zone);
    this.webApp = new TinyPlusWebApp(backend, models);
    if (b.perMinuteLimit > 0) {
      backend.enforcePerMinuteLimit(b.perMinuteLimit);
    }
    if (b.seedData) {
      webApp.seedDefaults();
    }
  }

  /**
   * A builder for a fake on {@code clock}.
   *
   * @param clock the only clock the fake reads, normally a {@link ManualClock}
   * @return a new builder
   */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Configures a {@link TinyPlusFake}. Not thread-safe. */
  public static final class Builder {
    private final Clock clock;
    private ZoneId zone = DEFAULT_ZONE;
    private long accountId = 1;
    private String accountName = "Test Account";
    private long seed;
    private int perMinuteLimit;
    private boolean seedData = true;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The account's time zone, in which dates are held and filters compared. Default {@code Australia/Sydney}.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone == null");
      return this;
    }

    /**
     * The account's id and name, as {@code GET /account} answers. Default 1, {@code Test Account}.
     *
     * @param id the account id
     * @param name the account name
     * @return this builder
     */
    public Builder account(long id, String name) {
      this.accountId = id;
      this.accountName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * The seed of the fault rules' random draws. Default 0.
     *
     * @param seed the seed; print it in a randomised test to replay a failure
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Enforces the contract's per-token rate limit: over it, 429 with {@code Retry-After} until the next minute.
     * Off by default.
     *
     * @param requestsPerMinute the limit, e.g. {@value TinyPlusFake#CONTRACT_REQUESTS_PER_MINUTE}
     * @return this builder
     */
    public Builder perMinuteLimit(int requestsPerMinute) {
      if (requestsPerMinute < 1) {
        throw new IllegalArgumentException("requestsPerMinute must be at least 1, was " + requestsPerMinute);
      }
      this.perMinuteLimit = requestsPerMinute;
      return this;
    }

    /**
     * Starts with no team member, phase or project type at all (by default a fake holds an account admin and a
     * phase pipeline). Until a team member is added and made the API user with {@link TinyPlusWebApp#actAs(long)},
     * {@link TinyPlusFake#me()} answers 401.
     *
     * @return this builder
     */
    public Builder empty() {
      this.seedData = false;
      return this;
    }

    /**
     * Makes the fake.
     *
     * @return the fake
     */
    public TinyPlusFake build() {
      return new TinyPlusFake(this);
    }
  }

  /** The contract's rate limit per token. */
  public static final int CONTRACT_REQUESTS_PER_MINUTE = 300;

  /**
   * The back door: acts as a person in the tiny+ app. Its writes are not API calls (not counted, no faults, no
   * rate limit) but are logged in {@link #writes()} and bump {@code modified_date} like any write.
   *
   * @return the web app of this fake
   */
  public TinyPlusWebApp webApp() {
    return webApp;
  }

  /**
   * The fault rules of this fake's API.
   *
   * @return the rules
   */
  public Faults faults() {
    return backend.faults;
  }

  /**
   * The calls this fake's API received, per operation, in process and over HTTP.
   *
   * @return the counts
   */
  public CallCounts calls() {
    return backend.calls;
  }

  /**
   * Every write so far, through the API or the web app, oldest first.
   *
   * @return a copy of the write log
   */
  public List<FakeWrite> writes() {
    return backend.writes();
  }

  /** Empties the write log. */
  public void clearWrites() {
    backend.clearWrites();
  }

  /**
   * Saves this fake's records, project phases, project types, id counters and API user (the team member {@code me()} answers as) to {@code file}, so that a later run can carry on with the same records through
   * {@link #loadData(Path)}: what a demo or a manual test needs next to its saved sync state. Deleted records,
   * the write log, call counts, fault rules and limits are not saved. Writes a temporary file and moves it into
   * place, so the last saved file survives a crash while saving.
   *
   * <pre>{@code
   * if (Files.exists(file)) fake.loadData(file); else seed(fake);
   * ... // sync, edit
   * fake.saveData(file);
   * }</pre>
   *
   * @param file the file to write, its directory created when missing
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public void saveData(Path file) {
    FakeDataFile.write(file, "tiny+ fake", backend.data());
  }

  /**
   * Replaces this fake's records, project phases, project types, id counters and API user (the team member {@code me()} answers as) with those {@link #saveData(Path)} saved in {@code file}, and empties the write
   * log. Build the fake as before (organisation or account, zone) and move its clock to or past the time it was
   * saved before the next call, so that records keep changing forward in time.
   *
   * @param file a file written by {@code saveData} of a TinyPlusFake
   * @throws IllegalArgumentException when the file holds something else (the message says to delete it)
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public void loadData(Path file) {
    backend.replaceData(FakeDataFile.read(file, "tiny+ fake"));
  }

  /**
   * Every request this fake's API refused because it broke the tiny+ contract, in process and over HTTP, oldest
   * first: an invalid body or value, a wrong {@code Content-Type}, a read-only or unknown member, a method or path
   * the contract does not have. Refusals the caller could not avoid (a record deleted meanwhile, an expired token,
   * a limit) and injected faults are not in it. A test that wants none calls
   * {@link ContractViolations#assertNone(SynergyFake, TinyPlusFake)}.
   *
   * @return an immutable copy of the record
   */
  public List<ContractViolation> contractViolations() {
    return backend.violations.all();
  }

  /** Empties the record of contract violations, e.g. after a test asserted the one it provoked on purpose. */
  public void clearContractViolations() {
    backend.violations.clear();
  }

  TinyPlusBackend backend() {
    return backend;
  }

  // ---------------------------------------------------------------- TinyPlusClient

  @Override
  public Account account() {
    return call(TinyPlusOperation.GET_ACCOUNT, "/account", () -> models.account(backend.account()));
  }

  @Override
  public ZoneId zone() {
    return backend.zone();
  }

  @Override
  public TeamMember me() {
    return call(TinyPlusOperation.GET_ME, "/me", () -> models.teamMember(backend.me()));
  }

  @Override
  public TinyPlusProjects projects() {
    return projects;
  }

  @Override
  public TinyPlusCompanies companies() {
    return companies;
  }

  @Override
  public TinyPlusContacts contacts() {
    return contacts;
  }

  @Override
  public TinyPlusTeamMembers teamMembers() {
    return teamMembers;
  }

  @Override
  public TinyPlusProjectPhases projectPhases() {
    return phases;
  }

  @Override
  public TinyPlusProjectTypes projectTypes() {
    return projectTypes;
  }

  @Override
  public String toString() {
    return "TinyPlusFake[" + backend.zone() + "]";
  }

  private <T> T call(TinyPlusOperation op, String path, Supplier<T> work) {
    try {
      return backend.serve(op, path, TinyPlusBackend.IN_PROCESS_TOKEN, work);
    } catch (FakeError e) {
      throw TinyPlusModels.exception(e, op.method(), path);
    }
  }

  private static Map<String, String> paging(PagedQuery<?> q) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("limit", Integer.toString(q.limit()));
    params.put("start", Integer.toString(q.start()));
    return params;
  }

  private Map<String, String> params(RecordQuery<?> q, Object recordStatus) {
    Map<String, String> params = paging(q);
    if (q.sort() != null) {
      params.put("sort", q.sort().wireName());
    }
    params.put("with_related", q.withRelated() ? "1" : "0");
    if (q.modifiedAfter() != null) {
      params.put("modified_date", ">" + local(q.modifiedAfter()));
    } else if (q.modifiedBefore() != null) {
      params.put("modified_date", "<" + local(q.modifiedBefore()));
    } else if (q.modifiedAt() != null) {
      params.put("modified_date", local(q.modifiedAt()));
    }
    putIfSet(params, "record_status", TinyPlusModels.member(recordStatus));
    putIfSet(params, "remote_id", q.remoteId());
    putIfSet(params, "sync_origin", q.syncOrigin());
    return params;
  }

  private String local(java.time.Instant instant) {
    return TinyPlusBackend.LOCAL.format(java.time.LocalDateTime.ofInstant(instant, backend.zone()));
  }

  private static void putIfSet(Map<String, String> params, String name, Object value) {
    if (value != null) {
      params.put(name, value.toString());
    }
  }

  private static String path(TinyPlusBackend.Resource resource, Long id) {
    return "/" + resource.path + (id == null ? "" : "/" + id);
  }

  private Map<String, Object> create(TinyPlusBackend.Resource r, Map<String, Object> members) {
    return backend.create(r, TinyPlusModels.members(members), FakeWrite.Source.API);
  }

  private Map<String, Object> patch(TinyPlusBackend.Resource r, long id, Map<String, Object> members) {
    return backend.patch(r, id, TinyPlusModels.members(members), FakeWrite.Source.API);
  }

  private final TinyPlusProjects projects = new TinyPlusProjects() {
    private final TinyPlusBackend.Resource r = TinyPlusBackend.Resource.PROJECTS;

    @Override
    public Page<Project> list(ProjectQuery q) {
      Map<String, String> params = params(q, q.recordStatus());
      return call(TinyPlusOperation.LIST_PROJECTS, path(r, null),
          () -> TinyPlusModels.page(backend.list(r, params), models::project));
    }

    @Override
    public Project get(long id) {
      return call(TinyPlusOperation.GET_PROJECT, path(r, id), () -> models.project(backend.get(r, id, false)));
    }

    @Override
    public Project create(ProjectCreate create) {
      Objects.requireNonNull(create, "create == null");
      return call(TinyPlusOperation.CREATE_PROJECT, path(r, null),
          () -> models.project(TinyPlusFake.this.create(r, create.members())));
    }

    @Override
    public Project patch(long id, ProjectPatch patch) {
      Objects.requireNonNull(patch, "patch == null");
      return call(TinyPlusOperation.PATCH_PROJECT, path(r, id),
          () -> models.project(TinyPlusFake.this.patch(r, id, patch.members())));
    }

    @Override
    public Project delete(long id) {
      return call(TinyPlusOperation.DELETE_PROJECT, path(r, id),
          () -> models.project(backend.delete(r, id, FakeWrite.Source.API)));
    }
  };

  private final TinyPlusCompanies companies = new TinyPlusCompanies() {
    private final TinyPlusBackend.Resource r = TinyPlusBackend.Resource.COMPANIES;

    @Override
    public Page<Company> list(CompanyQuery q) {
      Map<String, String> params = params(q, q.recordStatus());
      return call(TinyPlusOperation.LIST_COMPANIES, path(r, null),
          () -> TinyPlusModels.page(backend.list(r, params), models::company));
    }

    @Override
    public Company get(long id) {
      return call(TinyPlusOperation.GET_COMPANY, path(r, id), () -> models.company(backend.get(r, id, false)));
    }

    @Override
    public Company create(CompanyCreate create) {
      Objects.requireNonNull(create, "create == null");
      return call(TinyPlusOperation.CREATE_COMPANY, path(r, null),
          () -> models.company(TinyPlusFake.this.create(r, create.members())));
    }

    @Override
    public Company patch(long id, CompanyPatch patch) {
      Objects.requireNonNull(patch, "patch == null");
      return call(TinyPlusOperation.PATCH_COMPANY, path(r, id),
          () -> models.company(TinyPlusFake.this.patch(r, id, patch.members())));
    }

    @Override
    public Company delete(long id) {
      return call(TinyPlusOperation.DELETE_COMPANY, path(r, id),
          () -> models.company(backend.delete(r, id, FakeWrite.Source.API)));
    }
  };

  private final TinyPlusContacts contacts = new TinyPlusContacts() {
    private final TinyPlusBackend.Resource r = TinyPlusBackend.Resource.CONTACTS;

    @Override
    public Page<Contact> list(ContactQuery q) {
      Map<String, String> params = params(q, q.recordStatus());
      putIfSet(params, "primary_company", q.primaryCompany());
      return call(TinyPlusOperation.LIST_CONTACTS, path(r, null),
          () -> TinyPlusModels.page(backend.list(r, params), models::contact));
    }

    @Override
    public Contact get(long id) {
      return call(TinyPlusOperation.GET_CONTACT, path(r, id), () -> models.contact(backend.get(r, id, false)));
    }

    @Override
    public Contact create(ContactCreate create) {
      Objects.requireNonNull(create, "create == null");
      return call(TinyPlusOperation.CREATE_CONTACT, path(r, null),
          () -> models.contact(TinyPlusFake.this.create(r, create.members())));
    }

    @Override
    public Contact patch(long id, ContactPatch patch) {
      Objects.requireNonNull(patch, "patch == null");
      return call(TinyPlusOperation.PATCH_CONTACT, path(r, id),
          () -> models.contact(TinyPlusFake.this.patch(r, id, patch.members())));
    }

    @Override
    public Contact delete(long id) {
      return call(TinyPlusOperation.DELETE_CONTACT, path(r, id),
          () -> models.contact(backend.delete(r, id, FakeWrite.Source.API)));
    }
  };

  private final TinyPlusTeamMembers teamMembers = new TinyPlusTeamMembers() {
    private final TinyPlusBackend.Resource r = TinyPlusBackend.Resource.TEAM_MEMBERS;

    @Override
    public Page<TeamMember> list(TeamMemberQuery q) {
      Map<String, String> params = params(q, q.recordStatus());
      putIfSet(params, "email", q.email());
      return call(TinyPlusOperation.LIST_TEAM_MEMBERS, path(r, null),
          () -> TinyPlusModels.page(backend.list(r, params), models::teamMember));
    }

    @Override
    public TeamMember get(long id) {
      return call(TinyPlusOperation.GET_TEAM_MEMBER, path(r, id),
          () -> models.teamMember(backend.get(r, id, false)));
    }

    @Override
    public TeamMember createGhost(TeamMemberCreate create) {
      Objects.requireNonNull(create, "create == null");
      return call(TinyPlusOperation.CREATE_TEAM_MEMBER, path(r, null),
          () -> models.teamMember(TinyPlusFake.this.create(r, create.members())));
    }

    @Override
    public TeamMember patch(long id, TeamMemberPatch patch) {
      Objects.requireNonNull(patch, "patch == null");
      return call(TinyPlusOperation.PATCH_TEAM_MEMBER, path(r, id),
          () -> models.teamMember(TinyPlusFake.this.patch(r, id, patch.members())));
    }
  };

  private final TinyPlusProjectPhases phases = new TinyPlusProjectPhases() {
    @Override
    public Page<ProjectPhase> list(ListQuery q) {
      Map<String, String> params = paging(q);
      return call(TinyPlusOperation.LIST_PROJECT_PHASES, "/project_phases",
          () -> TinyPlusModels.page(backend.phases(params), TinyPlusModels::phase));
    }
  };

  private final TinyPlusProjectTypes projectTypes = new TinyPlusProjectTypes() {
    @Override
    public Page<ProjectType> list(ListQuery q) {
      Map<String, String> params = paging(q);
      return call(TinyPlusOperation.LIST_PROJECT_TYPES, "/project_types",
          () -> TinyPlusModels.page(backend.projectTypes(params), TinyPlusModels::projectType));
    }

    @Override
    public ProjectType create(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters, was \"" + name
            + "\"");
      }
      Map<String, Object> members = Map.of("name", name);
      return call(TinyPlusOperation.CREATE_PROJECT_TYPE, "/project_types",
          () -> TinyPlusModels.projectType(backend.createProjectType(members, FakeWrite.Source.API)));
    }
  };
}
