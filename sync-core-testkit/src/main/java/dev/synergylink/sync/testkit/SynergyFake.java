package dev.synergylink.sync.testkit;

import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyContacts;
import dev.synergylink.synergy.SynergyPersonnel;
import dev.synergylink.synergy.SynergyProjects;
import dev.synergylink.synergy.SynergyQuery;
import dev.synergylink.synergy.SynergyStaff;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-memory Synergy organisation that implements {@link SynergyClient}, for tests of code that talks to Synergy.
 * It keeps the contract's behaviour, quirks included: server-assigned ids and project numbers ({@code P00001},
 * ...); {@code modifiedDate} set on every write to the millisecond, a stage change bumping its project; an
 * inclusive {@code modifiedSince}; lists read from a replica that lags the primary (5 s by default, as the contract
 * allows) while GET by id reads current data; projects listed without inactive ones unless asked; page-number
 * paging over the live result set; records deleted in the web app vanishing (404); total fee as the sum of the
 * stages, with {@code initialFee} creating a stage named {@code Fee}; and the validations the contract names
 * (required members, read-only members, the ABN checksum, unknown contact, staff or status ids, an inactive status,
 * no {@code null} address, fees in cents). What it refuses for breaking the contract is kept in
 * {@link #contractViolations()}.
 *
 * <p>Tests act as a person in the Synergy web app through {@link #webApp()}: seed and edit records, change stage
 * fees, add statuses and staff, delete records, read the whole state. Assert API-call economy with {@link #calls()}
 * and writes with {@link #writes()}; inject faults with {@link #faults()}. Nothing reads the wall clock: the fake
 * runs on the clock given to its builder, normally a {@link ManualClock} shared with the code under test.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
 * SynergyFake synergy = SynergyFake.builder(clock).build();
 *
 * // a person adds a client and a project in the web app
 * Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
 * Project tower = synergy.webApp().createProject(ProjectCreate.builder().name("Tower")
 *     .statusId(synergy.webApp().statusNamed("Active").id()).primaryContactId(acme.id())
 *     .initialFee(new BigDecimal("25000")).build());
 *
 * // lists lag by 5 s: the project shows once the clock has moved on
 * clock.advance(Duration.ofSeconds(5));
 * SynergyClient client = synergy;
 * Page<Project> page = client.projects().list(ProjectQuery.builder().build());
 *
 * // the next project create answers 503, and the calls are counted
 * synergy.faults().on(SynergyOperation.CREATE_PROJECT).times(1).answer(Fault.unavailable());
 * assertThat(synergy.calls().count(SynergyOperation.LIST_PROJECTS)).isEqualTo(1);
 * }</pre>
 *
 * <p>A new fake holds one active staff member with the Administrator security level ({@link #ADMIN_STAFF_ID}), who
 * is the API's current user, and one project status per status type, named {@code Proposal}, {@code Active},
 * {@code Pending Invoice}, {@code On Hold}, {@code Unsuccessful} and {@code Complete}; see {@link Builder#empty()}.
 * Faults surface as the client's exceptions. The daily quota and the per-second limit are counted but not
 * enforced unless the builder says so; {@link #lastQuota()} reports the daily quota as the headers would.
 *
 * <p>Thread-safe. Serve it over HTTP with {@link SynergyHttpFakeServer}.
 */
public final class SynergyFake implements SynergyClient {
  /** The id of the Administrator staff member a new fake holds. */
  public static final long ADMIN_STAFF_ID = 101;
  /** The default organisation slug. */
  public static final String DEFAULT_ORGANISATION = "test-org";
  /** The contract's replica lag of list endpoints, the default. */
  public static final Duration CONTRACT_REPLICA_LAG = Duration.ofSeconds(5);
  /** The premium plan's daily quota. */
  public static final int PREMIUM_DAILY_QUOTA = SynergyBackend.PREMIUM_DAILY_QUOTA;
  /** The standard plan's daily quota. */
  public static final int STANDARD_DAILY_QUOTA = 300;
  /** The contract's limit of requests per second per token. */
  public static final int CONTRACT_REQUESTS_PER_SECOND = 10;

  private final SynergyBackend backend;
  private final SynergyWebApp webApp;
  private final RecordLinks links;
  private final String apiPrefix;
  private volatile Quota lastQuota;

  private SynergyFake(Builder b) {
    this.backend = new SynergyBackend(b.clock, b.organisation, b.replicaLag, b.seed);
    this.webApp = new SynergyWebApp(backend);
    this.links = RecordLinks.of(b.webAppUrl, b.organisation);
    this.apiPrefix = "/api/v2/Organisation/" + b.organisation;
    if (b.dailyQuota > 0) {
      backend.enforceDailyQuota(b.dailyQuota);
    }
    if (b.perSecondLimit > 0) {
      backend.enforcePerSecondLimit(b.perSecondLimit);
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

  /** Configures a {@link SynergyFake}. Not thread-safe. */
  public static final class Builder {
    private final Clock clock;
    private String organisation = DEFAULT_ORGANISATION;
    private String webAppUrl = RecordLinks.DEFAULT_WEB_APP_URL;
    private Duration replicaLag = CONTRACT_REPLICA_LAG;
    private long seed;
    private int dailyQuota;
    private int perSecondLimit;
    private boolean seedData = true;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The organisation's slug, as in its web links and API paths. Default {@value SynergyFake#DEFAULT_ORGANISATION}.
     *
     * @param organisation 2 to 50 letters, digits or dashes
     * @return this builder
     */
    public Builder organisation(String organisation) {
      RecordLinks.of(RecordLinks.DEFAULT_WEB_APP_URL, organisation);
      this.organisation = organisation;
      return this;
    }

    /**
     * The web app's base URL for {@link SynergyFake#recordLinks()}. Default the real web app's.
     *
     * @param webAppUrl the URL
     * @return this builder
     */
    public Builder webAppUrl(String webAppUrl) {
      this.webAppUrl = Objects.requireNonNull(webAppUrl, "webAppUrl == null");
      return this;
    }

    /**
     * How far list endpoints lag behind writes. Default 5 s, the most the contract allows; zero for lists that
     * show every write at once.
     *
     * @param lag zero or more
     * @return this builder
     */
    public Builder replicaLag(Duration lag) {
      this.replicaLag = checkLag(lag);
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
     * Enforces a daily quota per organisation, reset at 00:00 UTC: over it, 429 with {@code Retry-After} until
     * midnight. Off by default (calls are still counted against {@value SynergyFake#PREMIUM_DAILY_QUOTA} in the
     * headers).
     *
     * @param calls e.g. {@link SynergyFake#STANDARD_DAILY_QUOTA}
     * @return this builder
     */
    public Builder dailyQuota(int calls) {
      this.dailyQuota = positive(calls, "calls");
      return this;
    }

    /**
     * Enforces a limit of requests per second per token: over it, 429 with {@code Retry-After: 1}. Off by default.
     *
     * @param requests e.g. {@link SynergyFake#CONTRACT_REQUESTS_PER_SECOND}
     * @return this builder
     */
    public Builder perSecondLimit(int requests) {
      this.perSecondLimit = positive(requests, "requests");
      return this;
    }

    /**
     * Starts with no staff and no project status at all (by default a fake holds an Administrator and one status
     * per status type). Until a staff member is added and made the API user with
     * {@link SynergyWebApp#actAs(long)}, {@link SynergyFake#currentUser()} answers 401.
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
    public SynergyFake build() {
      return new SynergyFake(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }
  }

  private static Duration checkLag(Duration lag) {
    Objects.requireNonNull(lag, "lag == null");
    if (lag.isNegative()) {
      throw new IllegalArgumentException("lag must not be negative, was " + lag);
    }
    return lag;
  }

  /**
   * The back door: acts as a person in the Synergy web app. Its writes are not API calls (not counted, no faults,
   * no quota) but are logged in {@link #writes()} and bump {@code modifiedDate} like any write.
   *
   * @return the web app of this fake
   */
  public SynergyWebApp webApp() {
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
   * Saves this fake's records, project statuses, id counters and API user (the staff member {@code currentUser()} answers as) to {@code file}, so that a later run can carry on with the same records through
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
    FakeDataFile.write(file, "Synergy fake", backend.data());
  }

  /**
   * Replaces this fake's records, project statuses, id counters and API user (the staff member {@code currentUser()} answers as) with those {@link #saveData(Path)} saved in {@code file}, and empties the write
   * log. Build the fake as before (organisation or account, zone) and move its clock to or past the time it was
   * saved before the next call, so that records keep changing forward in time.
   *
   * @param file a file written by {@code saveData} of a SynergyFake
   * @throws IllegalArgumentException when the file holds something else (the message says to delete it)
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public void loadData(Path file) {
    backend.replaceData(FakeDataFile.read(file, "Synergy fake"));
  }

  /**
   * Every request this fake's API refused because it broke the Synergy contract, in process and over HTTP, oldest
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

  /**
   * Changes how far list endpoints lag behind writes, from now on. The fake keeps only the history the old lag
   * needed, so a longer lag fully applies to writes made after the change (older records may show their latest
   * version or, when created within the new lag, not at all).
   *
   * @param lag zero or more
   */
  public void setReplicaLag(Duration lag) {
    backend.setReplicaLag(checkLag(lag));
  }

  /**
   * How far list endpoints lag behind writes.
   *
   * @return the lag
   */
  public Duration replicaLag() {
    return backend.replicaLag();
  }

  SynergyBackend backend() {
    return backend;
  }

  // ---------------------------------------------------------------- SynergyClient

  @Override
  public String organisation() {
    return backend.organisation();
  }

  @Override
  public CurrentUser currentUser() {
    return call(SynergyOperation.GET_CURRENT_USER, "/CurrentUser",
        () -> SynergyModels.currentUser(backend.currentUser()));
  }

  @Override
  public List<ProjectStatus> projectStatuses() {
    return call(SynergyOperation.LIST_PROJECT_STATUSES, "/ProjectStatuses",
        () -> SynergyModels.page(backend.projectStatuses(), SynergyModels::status).items());
  }

  @Override
  public SynergyProjects projects() {
    return projects;
  }

  @Override
  public SynergyContacts contacts() {
    return contacts;
  }

  @Override
  public SynergyPersonnel personnel() {
    return personnel;
  }

  @Override
  public SynergyStaff staff() {
    return staff;
  }

  @Override
  public RecordLinks recordLinks() {
    return links;
  }

  @Override
  public Optional<Quota> lastQuota() {
    return Optional.ofNullable(lastQuota);
  }

  @Override
  public String toString() {
    return "SynergyFake[" + backend.organisation() + "]";
  }

  private <T> T call(SynergyOperation op, String path, Supplier<T> work) {
    try {
      String contractPath = "/Organisation/" + backend.organisation() + path;
      return backend.serve(op, contractPath, SynergyBackend.IN_PROCESS_TOKEN, work);
    } catch (FakeError e) {
      throw SynergyModels.exception(e, op.method(), apiPrefix + path);
    } finally {
      Map<String, String> h = backend.rateLimitHeaders();
      lastQuota = Quota.builder()
          .limit(Long.parseLong(h.get("X-RateLimit-Limit")))
          .remaining(Long.parseLong(h.get("X-RateLimit-Remaining")))
          .resetAt(Instant.ofEpochSecond(Long.parseLong(h.get("X-RateLimit-Reset"))))
          .observedAt(backend.clock().instant())
          .build();
    }
  }

  private static Map<String, String> params(SynergyQuery<?> q) {
    Map<String, String> params = new LinkedHashMap<>();
    if (q.modifiedSince() != null) {
      params.put("criteria.modifiedSince", FakeHttp.UTC_MILLIS.format(q.modifiedSince()));
    }
    if (q.orderBy() != null) {
      params.put("orderBy", q.orderBy().wireName());
    }
    params.put("page", Integer.toString(q.page()));
    params.put("pageSize", Integer.toString(q.pageSize()));
    return params;
  }

  private static void putIfSet(Map<String, String> params, String name, Object value) {
    if (value != null) {
      params.put(name, value.toString());
    }
  }

  /** The four record resources share one shape: list, get, and for three of them create and patch. */
  private class Resource<T> {
    final SynergyBackend.Resource resource;
    final Function<Map<String, Object>, T> convert;
    final SynergyOperation list;
    final SynergyOperation get;
    final SynergyOperation create;
    final SynergyOperation patch;

    Resource(SynergyBackend.Resource resource, Function<Map<String, Object>, T> convert, SynergyOperation list,
        SynergyOperation get, SynergyOperation create, SynergyOperation patch) {
      this.resource = resource;
      this.convert = convert;
      this.list = list;
      this.get = get;
      this.create = create;
      this.patch = patch;
    }

    Page<T> doList(Map<String, String> params) {
      return call(list, "/" + resource.path, () -> SynergyModels.page(backend.list(resource, params), convert));
    }

    T doGet(long id) {
      return call(get, "/" + resource.path + "/" + id, () -> convert.apply(backend.get(resource, id)));
    }

    T doCreate(Map<String, Object> members) {
      Map<String, Object> converted = SynergyModels.members(members);
      return call(create, "/" + resource.path,
          () -> convert.apply(backend.create(resource, converted, FakeWrite.Source.API)));
    }

    T doPatch(long id, Map<String, Object> members) {
      Map<String, Object> converted = SynergyModels.members(members);
      return call(patch, "/" + resource.path + "/" + id,
          () -> convert.apply(backend.patch(resource, id, converted, FakeWrite.Source.API)));
    }
  }

  private final class Projects extends Resource<Project> implements SynergyProjects {
    Projects() {
      super(SynergyBackend.Resource.PROJECTS, SynergyModels::project, SynergyOperation.LIST_PROJECTS,
          SynergyOperation.GET_PROJECT, SynergyOperation.CREATE_PROJECT, SynergyOperation.PATCH_PROJECT);
    }

    @Override
    public Page<Project> list(ProjectQuery q) {
      Map<String, String> params = params(q);
      putIfSet(params, "criteria.externalReference", q.externalReference());
      params.put("criteria.includeInactive", Boolean.toString(q.includeInactive()));
      putIfSet(params, "criteria.projectNumber", q.projectNumber());
      return doList(params);
    }

    @Override
    public Project get(long id) {
      return doGet(id);
    }

    @Override
    public Project create(ProjectCreate request) {
      return doCreate(Objects.requireNonNull(request, "request == null").members());
    }

    @Override
    public Project patch(long id, ProjectPatch request) {
      return doPatch(id, Objects.requireNonNull(request, "request == null").members());
    }
  }

  private final class Contacts extends Resource<Contact> implements SynergyContacts {
    Contacts() {
      super(SynergyBackend.Resource.CONTACTS, SynergyModels::contact, SynergyOperation.LIST_CONTACTS,
          SynergyOperation.GET_CONTACT, SynergyOperation.CREATE_CONTACT, SynergyOperation.PATCH_CONTACT);
    }

    @Override
    public Page<Contact> list(ContactQuery q) {
      Map<String, String> params = params(q);
      putIfSet(params, "criteria.externalReference", q.externalReference());
      putIfSet(params, "criteria.contactType", q.contactType() == null ? null : q.contactType().wireName());
      return doList(params);
    }

    @Override
    public Contact get(long id) {
      return doGet(id);
    }

    @Override
    public Contact create(ContactCreate request) {
      return doCreate(Objects.requireNonNull(request, "request == null").members());
    }

    @Override
    public Contact patch(long id, ContactPatch request) {
      return doPatch(id, Objects.requireNonNull(request, "request == null").members());
    }
  }

  private final class PersonnelResource extends Resource<Personnel> implements SynergyPersonnel {
    PersonnelResource() {
      super(SynergyBackend.Resource.PERSONNEL, SynergyModels::personnel, SynergyOperation.LIST_PERSONNEL,
          SynergyOperation.GET_PERSONNEL, SynergyOperation.CREATE_PERSONNEL, SynergyOperation.PATCH_PERSONNEL);
    }

    @Override
    public Page<Personnel> list(PersonnelQuery q) {
      Map<String, String> params = params(q);
      putIfSet(params, "criteria.externalReference", q.externalReference());
      putIfSet(params, "criteria.parentContactId", q.parentContactId());
      return doList(params);
    }

    @Override
    public Personnel get(long id) {
      return doGet(id);
    }

    @Override
    public Personnel create(PersonnelCreate request) {
      return doCreate(Objects.requireNonNull(request, "request == null").members());
    }

    @Override
    public Personnel patch(long id, PersonnelPatch request) {
      return doPatch(id, Objects.requireNonNull(request, "request == null").members());
    }
  }

  private final class StaffResource extends Resource<Staff> implements SynergyStaff {
    StaffResource() {
      super(SynergyBackend.Resource.STAFF, SynergyModels::staff, SynergyOperation.LIST_STAFF,
          SynergyOperation.GET_STAFF, null, null);
    }

    @Override
    public Page<Staff> list(StaffQuery q) {
      Map<String, String> params = params(q);
      params.put("criteria.includeInactive", Boolean.toString(q.includeInactive()));
      return doList(params);
    }

    @Override
    public Staff get(long id) {
      return doGet(id);
    }
  }

  private final Projects projects = new Projects();
  private final Contacts contacts = new Contacts();
  private final PersonnelResource personnel = new PersonnelResource();
  private final StaffResource staff = new StaffResource();

  static <T> List<T> convertAll(List<Map<String, Object>> rows, Function<Map<String, Object>, T> convert) {
    List<T> result = new ArrayList<>();
    rows.forEach(r -> result.add(convert.apply(r)));
    return result;
  }
}
