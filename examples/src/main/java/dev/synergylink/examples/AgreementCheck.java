package dev.synergylink.examples;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.ProjectMappings;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.tinyplus.RecordStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Checks, straight from both systems' current data (the fakes' back doors, not the API), that the two sides agree:
 * every linked pair has the same value in every synced field, compared through the engine's own field rules and
 * normalisers; every Synergy record is linked; every tiny+ company and contact is linked or excluded by a rule with
 * a reason (a contact without a synced company), or a project in a locked status. Team members that are only in tiny+
 * are fine: team members flow one way, from Synergy staff. A field the engine reported as not synced (with its
 * reason, such as an active tiny+ member's email) is listed as reported, not as a difference.
 *
 * <p>Projects are compared through the connection's status and type mappings: the status agrees when the Synergy
 * status maps to the tiny+ state and phase, or the tiny+ state and phase map to the Synergy status; a manager that
 * is not linked agrees with the activating user; a tiny+ assignee that is not linked leaves Synergy's manager as it
 * is, so it is not compared.
 */
public final class AgreementCheck {
  /** What the check found. */
  public static final class Result {
    /** Linked pairs that agree on every field. */
    public int agreeingPairs;
    /** Fields compared. */
    public int fieldsCompared;
    /** Records excluded by a rule, with the reason. */
    public final List<String> excluded = new ArrayList<>();
    /** tiny+ projects in a locked status, never linked: they stay in tiny+ until they leave it. */
    public final List<String> lockedInTinyPlus = new ArrayList<>();
    /** Fields the engine reported as not synced, with the reason. */
    public final List<String> reported = new ArrayList<>();
    /** What does not agree; empty when both sides agree. */
    public final List<String> differences = new ArrayList<>();

    /**
     * Whether both sides agree.
     *
     * @return true when there is no difference
     */
    public boolean agree() {
      return differences.isEmpty();
    }
  }

  private final SynergyFake synergy;
  private final TinyPlusFake tinyPlus;
  private final StateStore store;
  private final SyncSettings settings;
  private final Map<String, String> reportedNotSynced = new HashMap<>();

  /**
   * A check of one connection.
   *
   * @param synergy the Synergy fake
   * @param tinyPlus the tiny+ fake
   * @param store the engine's state
   * @param settings the connection's settings
   */
  public AgreementCheck(SynergyFake synergy, TinyPlusFake tinyPlus, StateStore store, SyncSettings settings) {
    this.synergy = Objects.requireNonNull(synergy, "synergy == null");
    this.tinyPlus = Objects.requireNonNull(tinyPlus, "tinyPlus == null");
    this.store = Objects.requireNonNull(store, "store == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
  }

  /**
   * Accepts the fields the engine reported as not synced ({@link RecordOutcome#FIELD_NOT_SYNCED}): a pair that
   * differs in such a field is listed with the engine's reason instead of as a difference.
   *
   * @param events the events from the engine's reports
   * @return this check
   */
  public AgreementCheck reportedNotSynced(List<RecordEvent> events) {
    for (RecordEvent e : events) {
      if (e.outcome() == RecordOutcome.FIELD_NOT_SYNCED && e.synergyId() != null && e.field() != null) {
        reportedNotSynced.put(key(e.recordType(), e.synergyId(), e.field()), e.message());
      }
    }
    return this;
  }

  private static String key(RecordType type, long synergyId, String field) {
    return type + "/" + synergyId + "/" + field;
  }

  /**
   * Runs the check over the record types the connection syncs.
   *
   * @return what was found
   */
  public Result run() {
    Result result = new Result();
    FieldContext context = new LinkTableContext();
    if (settings.isEnabled(RecordType.TEAM_MEMBER)) {
      comparePairs(result, RecordType.TEAM_MEMBER, FieldMappings.teamMembers(), synergy.webApp()::staffMember,
          tinyPlus.webApp()::teamMember, context);
      List<Long> activeStaff = new ArrayList<>();
      synergy.webApp().staff().stream().filter(s -> s.isActive()).forEach(s -> activeStaff.add(s.id()));
      requireLinked(result, RecordType.TEAM_MEMBER, Side.SYNERGY, activeStaff);
      noDuplicateTeamMembers(result);
    }
    if (settings.isEnabled(RecordType.COMPANY)) {
      comparePairs(result, RecordType.COMPANY, FieldMappings.companies(), synergy.webApp()::contact,
          tinyPlus.webApp()::company, context);
      List<Long> synergyIds = new ArrayList<>();
      synergy.webApp().contacts().forEach(c -> synergyIds.add(c.id()));
      requireLinked(result, RecordType.COMPANY, Side.SYNERGY, synergyIds);
      List<Long> tinyPlusIds = new ArrayList<>();
      tinyPlus.webApp().companies().stream().filter(c -> c.recordStatus() != RecordStatus.DELETED)
          .forEach(c -> tinyPlusIds.add(c.id()));
      requireLinked(result, RecordType.COMPANY, Side.TINYPLUS, tinyPlusIds);
    }
    if (settings.isEnabled(RecordType.CONTACT)) {
      comparePairs(result, RecordType.CONTACT, FieldMappings.contacts(), synergy.webApp()::personnel,
          tinyPlus.webApp()::contact, context);
      List<Long> synergyIds = new ArrayList<>();
      synergy.webApp().personnel().forEach(p -> synergyIds.add(p.id()));
      requireLinked(result, RecordType.CONTACT, Side.SYNERGY, synergyIds);
      List<Long> tinyPlusIds = new ArrayList<>();
      tinyPlus.webApp().contacts().stream().filter(c -> c.recordStatus() != RecordStatus.DELETED)
          .forEach(c -> tinyPlusIds.add(c.id()));
      requireLinked(result, RecordType.CONTACT, Side.TINYPLUS, tinyPlusIds);
    }
    if (settings.isEnabled(RecordType.PROJECT)) {
      comparePairs(result, RecordType.PROJECT, ProjectMappings.projects(), synergy.webApp()::project,
          tinyPlus.webApp()::project, context);
      List<Long> synergyIds = new ArrayList<>();
      synergy.webApp().projects().forEach(p -> synergyIds.add(p.id()));
      requireLinked(result, RecordType.PROJECT, Side.SYNERGY, synergyIds);
      List<Long> tinyPlusIds = new ArrayList<>();
      StatusMapping statuses = settings.statusMapping();
      tinyPlus.webApp().projects().stream().filter(p -> p.recordStatus() != RecordStatus.DELETED).forEach(p -> {
        if (statuses.isLocked(p.state(), p.phase())
            && store.linksByTinyPlusId(settings.connectionId(), RecordType.PROJECT, List.of(p.id())).isEmpty()) {
          result.lockedInTinyPlus.add(Names.record(RecordType.PROJECT, Side.TINYPLUS, p.id()) + " ("
              + p.state().name().toLowerCase(Locale.ROOT) + phaseName(p.phase()) + ")");
        } else {
          tinyPlusIds.add(p.id());
        }
      });
      requireLinked(result, RecordType.PROJECT, Side.TINYPLUS, tinyPlusIds);
    }
    return result;
  }

  private <S, T> void comparePairs(Result result, RecordType type, FieldMapping<S, T> mapping,
      LongFunction<S> synergyRecord, LongFunction<T> tinyPlusRecord, FieldContext context) {
    for (Link link : store.links(settings.connectionId(), type)) {
      if (link.orphaned()) {
        continue;
      }
      S s = synergyRecord.apply(link.synergyId());
      T t = tinyPlusRecord.apply(link.tinyPlusId());
      boolean agrees = true;
      for (FieldRule<S, T> rule : mapping.rules()) {
        if (!rule.direction().writesTinyPlus() && !rule.direction().writesSynergy()) {
          continue;
        }
        if (type == RecordType.PROJECT && !projectFieldCompared(rule.name(), (Project) s,
            (dev.synergylink.tinyplus.Project) t)) {
          continue;
        }
        result.fieldsCompared++;
        String synergyValue;
        String tinyPlusValue;
        if (type == RecordType.PROJECT && PROJECT_FIELDS_BY_MAPPING.contains(rule.name())) {
          // these rules read through the engine's per-run look-ups: compare through the settings' mappings here
          String[] values = projectValues(rule.name(), (Project) s, (dev.synergylink.tinyplus.Project) t);
          synergyValue = values[0];
          tinyPlusValue = values[1];
        } else {
          synergyValue = rule.normalise(rule.readSynergy(s, context));
          tinyPlusValue = rule.normalise(rule.readTinyPlus(t, context));
        }
        String reason = reportedNotSynced.get(key(type, link.synergyId(), rule.name()));
        if (!Objects.equals(synergyValue, tinyPlusValue) && reason != null) {
          result.reported.add(Names.pair(type, link.synergyId(), link.tinyPlusId()) + ": "
              + rule.name() + " is '" + synergyValue + "' in Synergy but '" + tinyPlusValue + "' in tiny+: " + reason);
        } else if (!Objects.equals(synergyValue, tinyPlusValue)) {
          agrees = false;
          result.differences.add(Names.pair(type, link.synergyId(), link.tinyPlusId()) + ": "
              + rule.name() + " is '" + synergyValue + "' in Synergy but '" + tinyPlusValue + "' in tiny+");
        }
      }
      if (agrees) {
        result.agreeingPairs++;
      }
    }
  }

  private static final java.util.Set<String> PROJECT_FIELDS_BY_MAPPING = java.util.Set.of("status", "projectType",
      "manager");

  /** Whether a project field is compared at all: a tiny+ assignee not linked to staff leaves Synergy's manager. */
  private boolean projectFieldCompared(String rule, Project s, dev.synergylink.tinyplus.Project t) {
    if (!rule.equals("manager") || t.assignedUser() == null) {
      return true;
    }
    return store.linksByTinyPlusId(settings.connectionId(), RecordType.TEAM_MEMBER, List.of(t.assignedUser()))
        .containsKey(t.assignedUser());
  }

  /** The Synergy and tiny+ values of a project field that goes through a mapping, in comparable terms. */
  private String[] projectValues(String rule, Project s, dev.synergylink.tinyplus.Project t) {
    switch (rule) {
      case "status": {
        StatusMapping mapping = settings.statusMapping();
        TinyPlusStatus tinyPlusStatus = TinyPlusStatus.of(t.state(), t.phase());
        Long back = mapping.synergyStatus(t.state(), t.phase());
        boolean agree = tinyPlusStatus.equals(mapping.tinyPlusStatus(s.statusId()))
            || back != null && back == s.statusId();
        return new String[] {"status " + s.statusId(), agree ? "status " + s.statusId() : tinyPlusStatus.toString()};
      }
      case "projectType": {
        String expected = s.projectType() == null ? null
            : settings.projectTypeMapping().tinyPlusType(s.projectType());
        return new String[] {lower(expected), lower(t.projectType())};
      }
      default: {   // manager: the linked team member, or the activating user for a staff member not linked
        Long member = s.managerId() == null ? null : store.linksBySynergyId(settings.connectionId(),
            RecordType.TEAM_MEMBER, List.of(s.managerId())).get(s.managerId()) == null ? settings.activatingUser()
            : store.linksBySynergyId(settings.connectionId(), RecordType.TEAM_MEMBER, List.of(s.managerId()))
                .get(s.managerId()).tinyPlusId();
        return new String[] {Objects.toString(member, null), Objects.toString(t.assignedUser(), null)};
      }
    }
  }

  private String phaseName(Long phase) {
    return phase == null ? "" : tinyPlus.webApp().phases().stream().filter(p -> p.id() == phase)
        .map(p -> ", phase " + p.name()).findFirst().orElse(", phase " + phase);
  }

  private static String lower(String text) {
    return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  /** A team member only in tiny+ must not carry a linked staff member's name: that would be a second copy. */
  private void noDuplicateTeamMembers(Result result) {
    List<Long> ids = new ArrayList<>();
    tinyPlus.webApp().teamMembers().forEach(m -> ids.add(m.id()));
    Map<Long, Link> links = store.linksByTinyPlusId(settings.connectionId(), RecordType.TEAM_MEMBER, ids);
    java.util.Set<String> linkedNames = new java.util.HashSet<>();
    tinyPlus.webApp().teamMembers().stream().filter(m -> links.containsKey(m.id()))
        .forEach(m -> linkedNames.add(m.name()));
    tinyPlus.webApp().teamMembers().stream().filter(m -> !links.containsKey(m.id()))
        .filter(m -> linkedNames.contains(m.name()))
        .forEach(m -> result.differences.add(Names.record(RecordType.TEAM_MEMBER, Side.TINYPLUS, m.id()) + " '"
            + m.name()
            + "' is a second team member for a linked staff member"));
  }

  private void requireLinked(Result result, RecordType type, Side side, List<Long> ids) {
    Map<Long, Link> links = side == Side.SYNERGY
        ? store.linksBySynergyId(settings.connectionId(), type, ids)
        : store.linksByTinyPlusId(settings.connectionId(), type, ids);
    Map<Long, RecordFailure> failures = new HashMap<>(store.failures(settings.connectionId(), type, side, ids));
    for (long id : ids) {
      if (links.containsKey(id)) {
        continue;
      }
      RecordFailure failure = failures.get(id);
      String record = Names.record(type, side, id);
      if (failure != null && failure.kind() == RecordFailure.Kind.EXCLUDED) {
        result.excluded.add(record + ": " + failure.message());
      } else {
        result.differences.add(record + " is on one side only"
            + (failure == null ? "" : " (failing: " + failure.message() + ")"));
      }
    }
  }

  /** Answers the rules' link-table questions from the state store, as the engine does. */
  private final class LinkTableContext implements FieldContext {
    private final RecordLinks webLinks = RecordLinks.of(settings.synergyWebAddress(), settings.synergyOrganisation());

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
      Link link = store.linksByTinyPlusId(settings.connectionId(), type, List.of(tinyPlusId)).get(tinyPlusId);
      return link == null || link.orphaned() ? null : link.synergyId();
    }

    @Override
    public Long linkedTinyPlusId(RecordType type, long synergyId) {
      Link link = store.linksBySynergyId(settings.connectionId(), type, List.of(synergyId)).get(synergyId);
      return link == null || link.orphaned() ? null : link.tinyPlusId();
    }

    @Override
    public boolean hasSynergyLink(RecordType type, long synergyId) {
      return store.linksBySynergyId(settings.connectionId(), type, List.of(synergyId)).containsKey(synergyId);
    }

    @Override
    public String synergyWebLink(RecordType type, long synergyId) {
      switch (type) {
        case TEAM_MEMBER: return webLinks.staff(synergyId);
        case COMPANY: return webLinks.contact(synergyId);
        case CONTACT: return webLinks.personnel(synergyId);
        default: return webLinks.project(synergyId);
      }
    }
  }
}
