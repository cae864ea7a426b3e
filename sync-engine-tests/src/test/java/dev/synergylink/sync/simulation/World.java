package dev.synergylink.sync.simulation;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.ProjectMappings;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.FieldContext;
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
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One simulated world: both fakes on one {@link ManualClock}, one {@link StateStore} (in memory or on a database), the engine under test
 * (replaced by a new one on the same store after a crash), the hooks that crash it, race it or edit between its list
 * pages, and the trace hash. The rest has a class each: {@link WorldSetup} (the guide's setup), {@link People} (the
 * people's edits), {@link View} (a record type through the back doors), {@link AgreedValues} and
 * {@link ManagersApart} (the world's own model of what the pairs agreed on, from what it saw through the fakes),
 * {@link StepChecks}, {@link ConvergenceCheck}, {@link LostEditCheck} and {@link EchoCheck} (the invariants), each
 * exemption of a check counted in {@link #exemptions}. The checks read from the state store only which records are
 * linked, never the engine's stored state. Everything in it derives from the seed; nothing reads the wall clock. Not
 * thread-safe (one thread runs a world, as one worker runs a connection).
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
  final StateStore store;
  SyncSettings settings;
  private final SynergyClient synergyClient;
  private final TinyPlusClient tinyPlusClient;
  final FieldContext context;
  final Map<RecordType, View<?, ?>> views = new LinkedHashMap<>();
  final People people = new People(this);
  final AgreedValues agreed = new AgreedValues(this);
  final ManagersApart managersApart = new ManagersApart(this);
  final LostEditCheck lostEdits = new LostEditCheck(this);
  final ConvergenceCheck convergence = new ConvergenceCheck(this);
  private final EchoCheck echo = new EchoCheck(this);
  private final StepChecks stepChecks = new StepChecks(this);
  /** How often each exemption of the checks fired in this world. */
  final Exemption.Tally exemptions = new Exemption.Tally();
  private final MessageDigest digest;
  final List<String> trace = new ArrayList<>();

  private SyncEngine engine;
  private boolean engineDead;
  private int engines;
  private int racers;

  // hooks armed for the next operation, and their state while it runs
  private int crashAfter;
  /** An API call the engine made. */
  private record Call(Side side, String resource, String method, Object[] args) {}

  /** The engine's last API call. */
  private Call lastCall;
  /** The writes whose answers a crashed engine never saw. */
  final UnansweredWrites unanswered = new UnansweredWrites();
  private int raceAt;
  private boolean raceTakeOver;
  private int listEditAt;
  private Step listEdit;
  private boolean suspended;
  private int opCalls;
  private int opListCalls;

  // bookkeeping for the invariants
  private int op = -1;
  boolean inOp;
  /** tiny+ projects a person touched during the running operation (the engine may have read them before). */
  final Set<Long> touchedInOp = new HashSet<>();

  World(long seed) {
    this(seed, InMemoryStateStore.create());
  }

  World(long seed, StateStore store) {
    this.seed = seed;
    this.store = store;
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
      public void afterCall(Side side, String resource, String method, boolean list, Object result) {
        agreed.engineRead(side, resource, result);
        World.this.afterCall(list);
      }

      @Override
      public void beforeCall(Side side, String resource, String method, Object[] args) {
        World.this.beforeCall(side, resource, method, args);
      }

      @Override
      public void callFailed(Side side, String resource, String method, Object[] args, Throwable failure) {
        if (failure instanceof dev.synergylink.synergy.SynergyTransportException
            || failure instanceof dev.synergylink.tinyplus.TinyPlusTransportException) {
          unanswered.unanswered(side, typeOfResource(side, resource), method, args); // a timeout: outcome unknown
        }
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
    views.put(RecordType.TEAM_MEMBER, new View<Staff, TeamMember>(this, RecordType.TEAM_MEMBER,
        FieldMappings.teamMembers(),
        () -> synergy.webApp().staff(), Staff::id, id -> orNull(() -> synergy.webApp().staffMember(id)),
        () -> tinyPlus.webApp().teamMembers(), id -> orNull(() -> tinyPlus.webApp().teamMember(id)), m -> false,
        Staff::isActive, m -> false));
    views.put(RecordType.COMPANY, new View<Contact, Company>(this, RecordType.COMPANY, FieldMappings.companies(),
        () -> synergy.webApp().contacts(), Contact::id, id -> orNull(() -> synergy.webApp().contact(id)),
        () -> tinyPlus.webApp().companies(), id -> orNull(() -> tinyPlus.webApp().company(id)),
        c -> c.recordStatus() == RecordStatus.DELETED, c -> true, c -> c.recordStatus() != RecordStatus.DELETED));
    views.put(RecordType.CONTACT, new View<Personnel, dev.synergylink.tinyplus.Contact>(this, RecordType.CONTACT,
        FieldMappings.contacts(), () -> synergy.webApp().personnel(), Personnel::id,
        id -> orNull(() -> synergy.webApp().personnel(id)), () -> tinyPlus.webApp().contacts(),
        id -> orNull(() -> tinyPlus.webApp().contact(id)), c -> c.recordStatus() == RecordStatus.DELETED,
        p -> livePair(RecordType.COMPANY, linkBySynergy(RecordType.COMPANY, p.parentContactId())),
        c -> c.recordStatus() != RecordStatus.DELETED && c.primaryCompany() != null
            && livePair(RecordType.COMPANY, linkByTinyPlus(RecordType.COMPANY, c.primaryCompany()))));
    if (PROJECTS) {
      View<Project, dev.synergylink.tinyplus.Project> projects = new View<>(this, RecordType.PROJECT,
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
    new WorldSetup(this).run();
  }

  /** The engine under test now (a crash replaces it). */
  SyncEngine engine() {
    return engine;
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
      if (partner != null
          && TinyPlusStatus.of(t.state(), t.phase()).equals(mapping.tinyPlusStatus(partner.statusId()))) {
        return Long.toString(partner.statusId());
      }
    }
    Long status = mapping.synergyStatus(t.state(), t.phase());
    return status == null ? "unmapped " + t.state() + "/" + t.phase() : status.toString();
  }

  // =================================================================================================== people

  void create(Step.Create step) {
    people.create(step);
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
      lostEdits.markLanded();
    }
    String before = views.get(type).value(side, id, rule);
    try {
      people.applyEdit(type, side, id, rule, value);
    } catch (IllegalArgumentException | IllegalStateException e) {
      trace("the web app refused an edit of " + type + "/" + side + "/" + id + " " + rule);
      return;
    }
    trace("edited " + type + "/" + side + "/" + id + " " + rule);
    if (type == RecordType.PROJECT && rule.equals("manager")) {
      managersApart.personEdited(side, id);
    }
    lostEdits.track(type, side, id, rule, before, inOp ? op : -1);
  }

  void delete(Step.Delete step) {
    people.delete(step);
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

  void newEngine() {
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
            lostEdits.conflict(conflict);
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
    Map<String, Cursor> before = cursors();
    SyncReport report = off.syncOnce();
    if (!report.masterSwitchOff() || synergy.calls().total() != synergyCalls
        || tinyPlus.calls().total() != tinyPlusCalls || !before.equals(cursors())) {
      throw new InvariantViolation("master-switch", "a cycle with the master switch off made "
          + (synergy.calls().total() - synergyCalls) + " Synergy and " + (tinyPlus.calls().total() - tinyPlusCalls)
          + " tiny+ calls or moved a cursor");
    }
    trace("master switch off: no call");
  }

  SyncReport operation(String name, Supplier<SyncReport> body) {
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
      lostEdits.operationEnded(op, synergy.writes().size(), tinyPlus.writes().size());
    }
    boolean completed = report != null && !report.aborted();
    Set<RecordType> stoppedTypes = report == null ? Set.of() : report.stoppedTypes().keySet();
    List<Link> readPairs = agreed.afterOperation(completed, stoppedTypes);
    if (completed) {
      unanswered.settled(readPairs.stream().filter(l -> !stoppedTypes.contains(l.recordType())).toList());
    }
    managersApart.afterOperation(readPairs);
    lostEdits.markLanded();
    return report;
  }

  private void afterCall(boolean list) {
    agreed.afterCall();
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
      if (lastCall != null) {
        unanswered.unanswered(lastCall.side(), typeOfResource(lastCall.side(), lastCall.resource()),
            lastCall.method(), lastCall.args());
      }
      throw new Intercept.SimulatedCrash("crashed after call " + opCalls);
    }
  }

  /**
   * Invariant 4, the locked statuses: no Synergy create and no Synergy status write for a tiny+ project while it is in
   * a locked state or phase.
   */
  private void beforeCall(Side side, String resource, String method, Object[] args) {
    lastCall = new Call(side, resource, method, args);
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

  /** Quiet cycle {@code i}: a cycle of the engine, its report or null if it did not finish. */
  SyncReport quietCycle(int i) {
    return operation("quiet cycle " + i, () -> engine.syncOnce());
  }

  void quiesce() {
    synergy.faults().clear();
    tinyPlus.faults().clear();
    crashAfter = 0;
    raceAt = 0;
    listEdit = null;
    for (int i = 1; i <= 2; i++) {
      clock.advance(QUIET_GAP);
      SyncReport report = quietCycle(i);
      if (report == null || report.aborted()) {
        throw new InvariantViolation("convergence", "quiet cycle " + i + " did not finish: "
            + (report == null ? "see trace" : report.abortedBecause()));
      }
    }
    convergence.check();
    lostEdits.check();
    convergence.checkEveryCreateLinked();
    // a further cycle writes nothing and reads only lists; after it, an idle cycle lists one page per type and side
    echo.quietCycle(3);
    echo.quietCycle(4);
    lostEdits.clear();
    trace("quiescent");
  }

  // =================================================================================================== invariants

  /** The checks cheap enough for every step: duplicates, direction rules, cursors. */
  void afterStep() {
    stepChecks.checkNoDuplicates();
    stepChecks.checkDirections();
    stepChecks.checkCursors();
    trace("calls " + synergy.calls().total() + "/" + tinyPlus.calls().total() + " writes " + synergy.writes().size()
        + "/" + tinyPlus.writes().size());
  }

  static RecordType synergyType(String resource) {
    return resource.equals("Contacts") ? RecordType.COMPANY : resource.equals("Personnel") ? RecordType.CONTACT
        : resource.equals("Projects") && PROJECTS ? RecordType.PROJECT : null;
  }

  boolean createdByEngine(Side side, RecordType type, long id) {
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

  // =================================================================================================== helpers

  /** The link of a record (orphaned or not), or null: the store is read for which records are linked, nothing else. */
  Link link(RecordType type, Side side, long id) {
    return side == Side.SYNERGY ? linkBySynergy(type, id) : linkByTinyPlus(type, id);
  }

  Project synergyProject(long id) {
    return orNull(() -> synergy.webApp().project(id));
  }

  dev.synergylink.tinyplus.Project tinyPlusProject(long id) {
    return orNull(() -> tinyPlus.webApp().project(id));
  }

  /** The failures the running engine reports in its health. */
  List<RecordFailure> engineHealthFailures() {
    return engine.health().failures();
  }

  /** The record type of a client's resource view ("contacts", "teamMembers", ...), or null. */
  static RecordType typeOfResource(Side side, String resource) {
    switch (resource) {
      case "contacts": return side == Side.SYNERGY ? RecordType.COMPANY : RecordType.CONTACT;
      case "personnel": return RecordType.CONTACT;
      case "companies": return RecordType.COMPANY;
      case "staff":
      case "teamMembers":
        return RecordType.TEAM_MEMBER;
      case "projects": return RecordType.PROJECT;
      default: return null;
    }
  }

  /** The record type a fake's write log names by resource, or null for one the simulation does not sync. */
  static RecordType typeOf(Side side, String resource) {
    if (side == Side.SYNERGY) {
      return synergyType(resource);
    }
    return resource.equals("companies") ? RecordType.COMPANY : resource.equals("contacts") ? RecordType.CONTACT
        : resource.equals("team_members") ? RecordType.TEAM_MEMBER
        : resource.equals("projects") && PROJECTS ? RecordType.PROJECT : null;
  }

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

  static <X> X pick(List<X> list, int pick) {
    return list.isEmpty() ? null : list.get(Math.floorMod(pick, list.size()));
  }

  static <X> X orNull(Supplier<X> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  void trace(String line) {
    trace.add(line);
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  /** Every cursor of the connection, keyed by type and side, read through the store's SPI. */
  Map<String, Cursor> cursors() {
    Map<String, Cursor> cursors = new LinkedHashMap<>();
    for (RecordType type : RecordType.values()) {
      for (Side side : Side.values()) {
        store.cursor(CONNECTION, type, side).ifPresent(cursor -> cursors.put(type + "/" + side, cursor));
      }
    }
    return cursors;
  }

  /** The hash of the trace so far and of the final state of both systems and the store. */
  String traceHash() {
    for (View<?, ?> view : views.values()) {
      trace(view.synergyAll.get().toString());
      trace(view.tinyAll.get().toString());
      trace(store.links(CONNECTION, view.type).toString());
    }
    trace(cursors().toString());
    return HexFormat.of().formatHex(digest.digest());
  }

  boolean engineDead() {
    return engineDead;
  }

  // =================================================================================================== types
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
    public Long linkedOrOrphanedSynergyId(RecordType type, long tinyPlusId) {
      Link link = linkByTinyPlus(type, tinyPlusId);
      return link == null ? null : link.synergyId();
    }

    @Override
    public String synergyWebLink(RecordType type, long synergyId) {
      String kind = type == RecordType.TEAM_MEMBER ? "Staff" : type == RecordType.COMPANY ? "Contacts"
          : type == RecordType.CONTACT ? "Personnel" : "Projects";
      return settings.synergyWebAddress() + "/Organisation/" + settings.synergyOrganisation() + "/" + kind + "/"
          + synergyId;
    }
  }
}
