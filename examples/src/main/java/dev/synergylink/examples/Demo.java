package dev.synergylink.examples;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.HealthCounts;
import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.ProjectTypeMapping;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SetupCheck;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncHealth;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.SyncSettingsException;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.TeamMemberSuggestion;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The demo the README starts: SynergyLink doing its job end to end on one machine, with no setup. It starts
 * Synergy and tiny+ fake servers on loopback holding a small architecture firm's records, connects the real HTTP
 * clients (Synergy through the OAuth flow), runs the setup checks, links team members, runs Download all and Upload
 * all for companies and contacts, sets projects up (the engine's proposed status mapping, adjusted; project types
 * discovered and registered) and runs Download all and Upload all for them, all with a progress bar, then runs
 * incremental cycles while the firm's people edit both sides, and finally checks that both sides agree. Exits 0
 * when they do, 1 when they do not.
 *
 * <p>Time is simulated: one {@link ManualClock} drives both fake servers, both clients and the engine, so a working
 * day passes in seconds. Tokens and secrets are never printed.
 *
 * <pre>{@code
 * mvn -q compile exec:java
 * }</pre>
 */
public final class Demo {
  /** The seed of the firm's data; the same seed gives the same run. */
  public static final long SEED = 20261201L;

  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH)
      .withZone(SYDNEY);

  private final PrintStream out;
  private final boolean plainProgress;
  private final DemoFiles files;
  private static final Instant RECORDS_TYPED = Instant.parse("2026-11-23T22:00:00Z");
  private static final Instant DEMO_STARTS = Instant.parse("2026-11-30T22:00:00Z");

  private final ManualClock clock = ManualClock.at(RECORDS_TYPED);
  private final AtomicInteger tokenSaves = new AtomicInteger();
  /** The fields the engine reported as not synced, for the agreement check. */
  private final List<RecordEvent> notSynced = new ArrayList<>();

  /**
   * A demo that prints to {@code out} and keeps what its next run carries on from in {@code directory}.
   *
   * @param out where to print
   * @param plainProgress true to print progress as plain lines even on a terminal
   * @param directory where the engine's state (an H2 file database) and the fakes' records are saved; a run that
   *     finds them there carries on from them
   */
  public Demo(PrintStream out, boolean plainProgress, Path directory) {
    this.out = out;
    this.plainProgress = plainProgress;
    this.files = new DemoFiles(directory);
  }

  /**
   * Runs the demo, saving its state in {@code target/synergylink-demo} (or the directory in the system property
   * {@code synergylink.demo.dir}), so that a second run carries on from the first.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Path directory = Path.of(System.getProperty("synergylink.demo.dir", "target/synergylink-demo"));
    int status = new Demo(System.out, false, directory).run();
    System.out.flush();
    // exec:java runs the demo inside Maven's JVM: end it with the demo's status
    System.exit(status);
  }

  /**
   * Runs the demo: the whole story on a first run, another working day on the saved records and state on a run
   * that finds an earlier one's.
   *
   * @return 0 when both sides agree at the end, 1 when they do not
   */
  public int run() {
    long started = System.nanoTime();
    title("SynergyLink demo: Harbour & Vale Architects");
    out.println("Two fake servers on this machine stand in for Synergy and tiny+. Time is simulated: one clock drives");
    out.println("both servers, both clients and the engine, so a working day passes in seconds.");
    SynergyFake synergyFake = SynergyFake.builder(clock).organisation(FirmData.ORGANISATION).empty().build();
    TinyPlusFake tinyPlusFake = TinyPlusFake.builder(clock).zone(SYDNEY).account(4711, "Harbour & Vale Architects")
        .empty().build();
    boolean carryOn = files.saved();
    FirmData firm;
    int run;
    if (carryOn) {
      files.carryOn(synergyFake, tinyPlusFake);
      run = files.lastRun() + 1;
      notSynced.addAll(files.notSynced());
      // the same seed gives the same firm, ids included: the office picks its records from a copy
      ManualClock typing = ManualClock.at(RECORDS_TYPED);
      firm = FirmData.seed(SynergyFake.builder(typing).organisation(FirmData.ORGANISATION).empty().build(),
          TinyPlusFake.builder(typing).zone(SYDNEY).empty().build(), SEED);
      clock.setTo(files.lastRunEnded().plus(Duration.ofDays(1)));
      out.printf(Locale.ROOT, "Run %d carries on from run %d: both systems' records and the engine's state (an H2"
          + " file database)%nwere saved in %s (delete it to start over).%n", run, run - 1, files.directory());
    } else {
      files.startOver();
      run = 1;
      // the firm typed its records in the week before
      firm = FirmData.seed(synergyFake, tinyPlusFake, SEED);
      clock.setTo(DEMO_STARTS);
      introduce(firm, synergyFake, tinyPlusFake);
    }
    JdbcConnectionPool database = files.database();
    try (SynergyHttpFakeServer synergyServer = SynergyHttpFakeServer.start(synergyFake);
        TinyPlusHttpFakeServer tinyPlusServer = TinyPlusHttpFakeServer.start(tinyPlusFake)) {
      JdbcStateStore store = JdbcStateStore.builder().dataSource(database).build();
      store.createSchemaIfMissing();
      step("Connect");
      out.println("  Synergy fake server on " + synergyServer.baseUrl() + ", tiny+ fake server on "
          + tinyPlusServer.baseUrl());
      SynergyClient synergy = new SynergySignIn(clock, out, tokenSaves).connect(synergyServer);
      // an account admin makes a long-life token in the tiny+ app
      TinyPlusClient tinyPlus = TinyPlusClient.builder()
          .baseUrl(tinyPlusServer.baseUrl())
          .tokenProvider(TokenProvider.of(tinyPlusServer.issueToken()))
          .clock(clock)
          // the client keeps to tiny+'s 300 requests a minute by the wall clock, while the demo's simulated day
          // passes in seconds: against the fake server (which enforces no limit) it may go faster
          .requestsPerMinute(30_000)
          .build();
      TeamMember me = tinyPlus.me();
      out.println("  tiny+: signed in as " + me.name() + " with a long-life token from the tiny+ app");

      SyncSettings settings = carryOn ? settingsAgain(synergy, tinyPlus, store, me)
          : firstDay(synergy, tinyPlus, store, tinyPlusFake, me);
      SyncEngine engine = engine(synergy, tinyPlus, store, settings);
      cycles(engine, new Office(synergyFake, tinyPlusFake, firm, store, settings, clock, out, run));
      boolean agree = check(engine, settings, store, synergyFake, tinyPlusFake);
      files.save(run, clock.instant(), notSynced, synergyFake, tinyPlusFake);
      out.printf(Locale.ROOT, "%n%s in %.1f s of real time. Run the demo again to carry on from here.%n",
          agree ? "BOTH SIDES AGREE" : "THE SIDES DO NOT AGREE", (System.nanoTime() - started) / 1e9);
      synergy.close();
      tinyPlus.close();
      return agree ? 0 : 1;
    } finally {
      database.dispose();
    }
  }

  // ---------------------------------------------------------------- the first day and the days after

  private void introduce(FirmData firm, SynergyFake synergyFake, TinyPlusFake tinyPlusFake) {
    out.printf(Locale.ROOT, "Synergy holds %d staff, %d client contacts, %d personnel and %d projects;%n",
        firm.staff.size(), synergyFake.webApp().contacts().size(), firm.personnel.size(), firm.synergyProjects);
    out.printf(Locale.ROOT, "tiny+ holds %d team members, %d companies, %d contacts and %d projects.%n",
        firm.teamMembers.size(), tinyPlusFake.webApp().companies().size(), firm.contacts.size(),
        firm.tinyPlusProjects);
    out.printf(Locale.ROOT, "%d companies were typed into both, with small differences; the rest are on one side"
        + " only.%n", firm.sharedCompanies.size());
    out.println("The engine's state and both systems' records are saved in " + files.directory() + ",");
    out.println("so the next run carries on from this one.");
  }

  /**
   * The first day: settings and setup checks, team members linked, Download all and Upload all of companies and
   * contacts, then projects set up and transferred. Returns the settings with projects enabled.
   */
  private SyncSettings firstDay(SynergyClient synergy, TinyPlusClient tinyPlus, StateStore store,
      TinyPlusFake tinyPlusFake, TeamMember me) {
    step("Settings and setup checks");
    SyncSettings settings = settings();
    SyncEngine engine = engine(synergy, tinyPlus, store, settings);
    setup(engine);
    long ghostsBefore = ghosts(tinyPlusFake);
    linkTeamMembers(engine);
    long ghosts = ghosts(tinyPlusFake);
    int members = tinyPlusFake.webApp().teamMembers().size();
    int linked = store.links(settings.connectionId(), RecordType.TEAM_MEMBER).size();
    out.printf(Locale.ROOT, "  tiny+ now has %d team members: %d linked to Synergy staff, %d only in tiny+;"
        + " %d are ghosts (%d made just now, %d made by hand in tiny+ before)%n", members, linked, members - linked,
        ghosts, ghosts - ghostsBefore, ghostsBefore);

    step("Switch the master switch on (" + at() + ")");
    report(engine.syncOnce());
    initialSync(engine, List.of(RecordType.COMPANY, RecordType.CONTACT));

    // projects last: their clients (companies) and managers (team members) are linked by now
    settings = projectSettings(engine, settings, me, true);
    engine = engine(synergy, tinyPlus, store, settings);
    step("Projects setup problems");
    List<String> problems = engine.projectSetup().problems();
    problems.forEach(p -> out.println("  PROBLEM: " + p));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the projects sync cannot start: " + problems);
    }
    out.println("  none: Projects is enabled");
    step("First cycle with projects (" + at() + "): starts their cursors from now");
    report(engine.syncOnce());
    initialSync(engine, List.of(RecordType.PROJECT));
    return settings;
  }

  /**
   * A day after the first: the same settings as the host would keep them, the setup checked again, and a first
   * cycle that picks up what changed since the last run.
   */
  private SyncSettings settingsAgain(SynergyClient synergy, TinyPlusClient tinyPlus, StateStore store,
      TeamMember me) {
    SyncSettings base = baseSettings();
    SyncSettings settings = projectSettings(engine(synergy, tinyPlus, store, base), base, me, false);
    SyncEngine engine = engine(synergy, tinyPlus, store, settings);
    step("Setup checks, with the settings of the last run (" + at() + ")");
    setup(engine);
    int linked = store.links(settings.connectionId(), RecordType.COMPANY).size();
    out.printf(Locale.ROOT, "  the state holds %d linked companies from the last run: nothing is downloaded again%n",
        linked);
    step("First sync cycle of the day (" + at() + "): picks up from the saved cursors");
    report(engine.syncOnce());
    return settings;
  }

  private boolean check(SyncEngine engine, SyncSettings settings, StateStore store, SynergyFake synergyFake,
      TinyPlusFake tinyPlusFake) {
    step("Sync health (what a settings page shows)");
    SyncHealth health = engine.health();
    for (RecordType type : settings.enabledTypes()) {
      HealthCounts c = health.counts(type);
      out.printf(Locale.ROOT, "  %-13s %3d in sync, %d failing, %d excluded, %d orphaned%s%s%n", Names.plural(type),
          c.inSync(), c.failing(), c.excluded(), c.orphaned(),
          c.fieldsNotSynced() == 0 ? "" : ", " + c.fieldsNotSynced() + " field"
              + (c.fieldsNotSynced() == 1 ? "" : "s") + " not synced",
          c.heldBack() == 0 ? "" : ", " + c.heldBack() + " held back by a locked status");
    }
    health.failures().forEach(f -> out.println("  " + f.kind().name().toLowerCase(Locale.ROOT) + ": "
        + Names.record(f.recordType(), f.side(), f.recordId()) + ": " + f.message()));

    step("Check that both sides agree");
    AgreementCheck.Result result = new AgreementCheck(synergyFake, tinyPlusFake, store, settings)
        .reportedNotSynced(notSynced).run();
    result.excluded.forEach(e -> out.println("  left out by a rule: " + e));
    result.lockedInTinyPlus.forEach(e -> out.println("  stays in tiny+ while its status is locked: " + e));
    result.reported.forEach(r -> out.println("  field reported as not synced: " + r));
    result.differences.forEach(d -> out.println("  DIFFERENT: " + d));
    out.printf(Locale.ROOT, "  %d linked pairs, %d fields compared%n", result.agreeingPairs
        + result.differences.size(), result.fieldsCompared);
    out.printf(Locale.ROOT, "  Synergy OAuth tokens saved to the TokenStore %d times (the code exchange, then"
        + " each refresh)%n", tokenSaves.get());
    return result.agree();
  }

  // ---------------------------------------------------------------- steps

  private SyncSettings settings() {
    try {
      SyncSettings.builder().connectionId("harbour-vale").synergyOrganisation(FirmData.ORGANISATION)
          .addEnabledTypes(RecordType.CONTACT).build();
    } catch (SyncSettingsException e) {
      out.println("  Settings are checked when built; Contacts without Companies are refused:");
      out.println("    " + e.getMessage().strip());
    }
    return baseSettings();
  }

  /** The connection's settings before projects are set up. */
  private static SyncSettings baseSettings() {
    return SyncSettings.builder()
        .connectionId("harbour-vale")
        .synergyOrganisation(FirmData.ORGANISATION)
        .masterSwitch(true)
        .addEnabledTypes(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT)
        .build();
  }

  private SyncEngine engine(SynergyClient synergy, TinyPlusClient tinyPlus, StateStore store,
      SyncSettings settings) {
    return SyncEngine.builder()
        .synergy(synergy)
        .tinyPlus(tinyPlus)
        .stateStore(store)
        .settings(settings)
        .clock(clock)
        .holder("demo")
        .build();
  }

  /**
   * Configure Project Statuses and Project Types, as a settings screen would: the engine's proposed status mapping
   * with the Enquiry phase locked (enquiries stay in tiny+), and the project types found in Synergy registered in
   * tiny+. Returns the settings with Projects enabled. With {@code print} false (a later run, whose host kept the
   * settings) it only builds the same settings again.
   */
  private SyncSettings projectSettings(SyncEngine engine, SyncSettings settings, TeamMember me, boolean print) {
    if (print) {
      step("Project statuses (the engine's proposed mapping, adjusted: each status to its own phase, Enquiry"
          + " locked)");
    }
    ProjectStatusOptions options = engine.projectSetup().statusOptions();
    ProjectPhase enquiry = phaseNamed(options, "Enquiry");
    StatusMapping mapping = statusMapping(options, enquiry);
    List<String> problems = mapping.problems(options);
    if (print) {
      printMapping(options, mapping);
      out.println("  tiny+ phase " + enquiry.name() + " is locked: its projects stay in tiny+ until they move on");
      problems.forEach(p -> out.println("  PROBLEM: " + p));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the status mapping leaves statuses or phases unmapped: " + problems);
    }
    if (print) {
      step("Project types (found in Synergy's projects, registered in tiny+)");
      out.println("  " + String.join(", ", engine.projectSetup().discoverTypes()));
    }
    return SyncSettings.builder().from(settings)
        .addEnabledTypes(RecordType.PROJECT)
        .activatingUser(me.id())
        .statusMapping(mapping)
        .projectTypeMapping(ProjectTypeMapping.sameName())
        .build();
  }

  private static ProjectPhase phaseNamed(ProjectStatusOptions options, String name) {
    return options.tinyPlusPhases().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the tiny+ pipeline has no " + name + " phase"));
  }

  private static StatusMapping statusMapping(ProjectStatusOptions options, ProjectPhase enquiry) {
    // the proposal maps by status type, preferring equal names; the firm has a phase for each of its statuses
    // ("Active - Documentation" is phase "Documentation"), so the person on the settings screen pairs each status
    // with its own phase, both ways
    StatusMapping.Builder adjusted = StatusMapping.proposeDefault(options).toBuilder().lockPhase(enquiry.id());
    for (ProjectStatus status : options.synergyStatuses()) {
      for (ProjectPhase phase : options.tinyPlusPhases()) {
        if (status.isActive() && (status.name().equals(phase.name())
            || status.name().endsWith(" - " + phase.name()))) {
          adjusted.status(status.id(), phase.state(), phase.id()).phase(phase.id(), status.id());
        }
      }
    }
    // no Synergy status may land in the locked phase (its projects would never sync back): those go to Fee Proposal
    ProjectPhase feeProposal = phaseNamed(options, "Fee Proposal");
    StatusMapping draft = adjusted.build();
    for (ProjectStatus status : options.synergyStatuses()) {
      TinyPlusStatus to = draft.tinyPlusStatus(status.id());
      if (to != null && Long.valueOf(enquiry.id()).equals(to.phase())) {
        adjusted.status(status.id(), feeProposal.state(), feeProposal.id());
      }
    }
    return adjusted.build();
  }

  private void printMapping(ProjectStatusOptions options, StatusMapping mapping) {
    Map<Long, ProjectPhase> phases = new HashMap<>();
    options.tinyPlusPhases().forEach(p -> phases.put(p.id(), p));
    for (ProjectStatus status : options.synergyStatuses()) {
      if (!status.isActive()) {
        continue;
      }
      TinyPlusStatus to = mapping.tinyPlusStatus(status.id());
      String phase = to == null ? "(not mapped)" : to.phase() == null ? to.state().name().toLowerCase(Locale.ROOT)
          : phases.get(to.phase()).name() + " (" + to.state().name().toLowerCase(Locale.ROOT) + ")";
      out.printf(Locale.ROOT, "  %-24s -> %s%n", status.name(), phase);
    }
  }

  private void setup(SyncEngine engine) {
    SetupCheck check = engine.checkSetup();
    out.println("  tiny+ user is an account admin: " + yes(check.tinyPlusAccountAdmin())
        + "; Synergy user is an Administrator: " + yes(check.synergyAdministrator()));
    check.problems().forEach(p -> out.println("  PROBLEM: " + p));
    if (!check.ok()) {
      throw new IllegalStateException("setup checks failed: " + check.problems());
    }
  }

  /**
   * Links each suggested pair, as a person would after reviewing the list, then makes ghosts for the rest. The
   * list comes first, then what linking did, all pairs together.
   */
  private void linkTeamMembers(SyncEngine engine) {
    step("Link team members (the engine's suggestions, accepted)");
    List<TeamMemberSuggestion> suggestions = engine.teamMembers().suggestions();
    List<RecordEvent> problems = new ArrayList<>();
    int linked = 0;
    for (TeamMemberSuggestion s : suggestions) {
      if (s.match() == TeamMemberSuggestion.Match.NONE) {
        out.printf(Locale.ROOT, "  %-20s no team member matches: a ghost team member will be made%n", s.staffName());
        continue;
      }
      out.printf(Locale.ROOT, "  %-20s <> %s (same %s)%n", s.staffName(), s.teamMemberName(),
          s.match().name().toLowerCase(Locale.ROOT));
      SyncReport report = engine.teamMembers().link(s.staffId(), s.teamMemberId());
      if (report.aborted()) {
        throw new IllegalStateException("team member linking stopped: " + report.abortedBecause());
      }
      linked += report.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).linked();
      problems.addAll(report.problems());
    }
    out.printf(Locale.ROOT, "  Linked %d team members to their Synergy staff%n", linked);
    notSynced.addAll(problems);
    problems.forEach(e -> out.println("    " + Names.problem(e)));
    out.println("  Ghost team members for the rest (they cannot log in and cost nothing):");
    report(engine.teamMembers().createGhosts());
  }

  private static long ghosts(TinyPlusFake tinyPlus) {
    return tinyPlus.webApp().teamMembers().stream().filter(m -> m.recordStatus() == TeamMemberStatus.GHOST).count();
  }

  private void initialSync(SyncEngine engine, List<RecordType> types) {
    for (boolean download : new boolean[] {true, false}) {
      for (RecordType type : types) {
        String label = download ? "Download all" : "Upload all";
        step(label + " " + Names.plural(type) + (download ? " from Synergy" : " to Synergy"));
        ProgressBar bar = progress(label);
        SyncReport report = download ? engine.downloadAll(type, bar) : engine.uploadAll(type, bar);
        bar.finish();
        report(report);
      }
    }
  }

  private void cycles(SyncEngine engine, Office office) {
    for (int round = 1; round <= Office.ROUNDS; round++) {
      clock.advance(Duration.ofMinutes(2));
      step("People at work (" + at() + ")");
      office.work(round);
      clock.advance(Duration.ofMinutes(1));
      step("Sync cycle " + round + " (" + at() + ")");
      report(engine.syncOnce());
    }
    clock.advance(Duration.ofHours(23));
    step("Sync cycle " + (Office.ROUNDS + 1) + ", the next morning, nobody has edited anything (" + at() + ")");
    out.println("  (the Synergy access token expired overnight: the client refreshes it by itself)");
    report(engine.syncOnce());
  }

  // ---------------------------------------------------------------- printing

  private ProgressBar progress(String label) {
    return plainProgress ? ProgressBar.plain(out, label) : ProgressBar.on(out, label);
  }

  private void report(SyncReport report) {
    notSynced.addAll(report.problems(RecordOutcome.FIELD_NOT_SYNCED));
    report.toText().lines().forEach(line -> out.println("    " + line));
  }

  private String at() {
    return TIME.format(clock.instant());
  }

  private void title(String text) {
    out.println(text);
    out.println("=".repeat(text.length()));
  }

  private void step(String text) {
    out.println();
    out.println("> " + text);
  }

  private static String yes(boolean value) {
    return value ? "yes" : "no";
  }
}
