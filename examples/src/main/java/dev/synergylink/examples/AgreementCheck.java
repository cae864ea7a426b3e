package dev.synergylink.examples;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.tinyplus.RecordStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Checks, straight from both systems' current data (the fakes' back doors, not the API), that the two sides agree:
 * every linked pair has the same value in every synced field, compared through the engine's own field rules and
 * normalisers; every Synergy record is linked; every tiny+ company and contact is linked or excluded by a rule with
 * a reason (a contact without a synced company). Team members that are only in tiny+ are fine: team members flow
 * one way, from Synergy staff.
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
        result.fieldsCompared++;
        String synergyValue = rule.normalise(rule.readSynergy(s, context));
        String tinyPlusValue = rule.normalise(rule.readTinyPlus(t, context));
        if (!Objects.equals(synergyValue, tinyPlusValue)) {
          agrees = false;
          result.differences.add(type + " Synergy " + link.synergyId() + " / tiny+ " + link.tinyPlusId() + ": "
              + rule.name() + " is '" + synergyValue + "' in Synergy but '" + tinyPlusValue + "' in tiny+");
        }
      }
      if (agrees) {
        result.agreeingPairs++;
      }
    }
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
        .forEach(m -> result.differences.add("TEAM_MEMBER tiny+ " + m.id() + " '" + m.name()
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
      String record = type + " " + (side == Side.SYNERGY ? "Synergy " : "tiny+ ") + id;
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
