package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The no-lost-edit invariant: every edit a person makes of a field synced both ways reaches the other side, unless
 * an {@link Exemption} of this check applies (each counted in the world's tally). The edits are tracked from the
 * moment they are made until the next quiescence, with what the world knew then (whether the pair was linked, what
 * its sides last agreed on, which related records the edit named); whether an edit landed is asked after every
 * operation, by reading the other side. Not thread-safe.
 */
final class LostEditCheck {
  private final World world;
  private final List<TrackedEdit> edits = new ArrayList<>();
  private final List<SeenConflict> conflicts = new ArrayList<>();
  private final Map<Integer, int[]> opWriteEnds = new HashMap<>();
  private int editSeq;

  LostEditCheck(World world) {
    this.world = world;
  }

  /** A conflict the engine settled, with the number of edits made before it. */
  private record SeenConflict(ResolvedConflict conflict, int afterEdit) {}

  /** How an edit was seen to land on the other side. */
  private enum Landing {
    /** Not (yet). */
    NOT,
    /** The partner holds the edit's value. */
    ON_PARTNER,
    /** The engine's copy holds it, before the pair was linked. */
    ON_UNLINKED_COPY,
    /** The Synergy partner holds a status that maps to the state and phase the person set in tiny+. */
    AS_STATUS_OF_THE_PHASE
  }

  /** One person's edit, with what the world knew when it was made. */
  private static final class TrackedEdit {
    RecordType type;
    Side side;
    long id;
    String rule;
    String value;
    int seq;
    int op;
    int writeMark;
    /** Why the engine could see no change in it, or null. */
    Exemption noChange;
    boolean linkedAtEdit;
    /** For a tiny+ status edit: the state and phase the person set. */
    TinyPlusStatus tinyPlusStatus;
    /** For a tiny+ edit of a related company: the company chosen and its Synergy partner then (or null). */
    Long company;
    Long companyPartner;
    /** For a manager edit: the Synergy staff member it names (for tiny+, the one linked with the assignee then). */
    Long staff;
    /** For a tiny+ manager edit: the team member assigned. */
    Long member;
    Landing landing = Landing.NOT;
  }

  /** The engine reported a settled conflict. */
  void conflict(ResolvedConflict conflict) {
    conflicts.add(new SeenConflict(conflict, editSeq));
  }

  /** The engine's operation {@code op} ended with these write-log sizes (Synergy, tiny+). */
  void operationEnded(int op, int synergyWrites, int tinyPlusWrites) {
    opWriteEnds.put(op, new int[] {synergyWrites, tinyPlusWrites});
  }

  /** Quiescence reached: the edits so far are checked; start afresh. */
  void clear() {
    edits.clear();
    conflicts.clear();
  }

  /**
   * A person's edit was made (and the web app took it).
   *
   * @param before the field's value on the record just before the edit
   */
  void track(RecordType type, Side side, long id, String ruleName, String before, int op) {
    View<?, ?> view = world.views.get(type);
    Link link = world.link(type, side, id);
    TrackedEdit e = new TrackedEdit();
    e.type = type;
    e.side = side;
    e.id = id;
    e.rule = ruleName;
    e.value = view.value(side, id, ruleName);
    e.seq = ++editSeq;
    e.op = op;
    e.writeMark = side == Side.SYNERGY ? world.synergy.writes().size() : world.tinyPlus.writes().size();
    e.linkedAtEdit = link != null;
    relatedRecords(e);
    if (Objects.equals(before, e.value) && e.tinyPlusStatus == null) {
      // (a tiny+ status reads as a Synergy status that several states and phases may share: not a value to compare)
      e.noChange = Exemption.UNCHANGED_VALUE;
    } else if (link != null && !link.orphaned()) {
      e.noChange = world.agreed.sameAsAgreed(link, side, ruleName, e.value) ? Exemption.SAME_AS_AGREED
          : world.agreed.sameAsMaybeAgreed(link, ruleName, e.value) ? Exemption.SAME_AS_MAYBE_AGREED
          : world.unanswered.sent(type, side, id, view.mapping.rule(ruleName).orElseThrow(), e.value)
              ? Exemption.SAME_AS_UNANSWERED_WRITE
          : e.tinyPlusStatus != null && phaseOfAgreed(link, e.tinyPlusStatus) ? Exemption.STATUS_PHASE_OF_AGREED
          : null;
    } else if (link == null && world.agreed.sameAsCreated(type, side, id, ruleName, e.value)) {
      e.noChange = Exemption.SAME_AS_CREATED;
    }
    edits.add(e);
    markLanded(e);
  }

  /** The related records an edit names, as the world sees them now (so no reading of a value's text is needed). */
  private void relatedRecords(TrackedEdit e) {
    if (e.type == RecordType.CONTACT && e.side == Side.TINYPLUS && e.rule.equals("parent")) {
      dev.synergylink.tinyplus.Contact c = World.orNull(() -> world.tinyPlus.webApp().contact(e.id));
      e.company = c == null ? null : c.primaryCompany();
    }
    if (e.type != RecordType.PROJECT) {
      return;
    }
    if (e.side == Side.TINYPLUS) {
      dev.synergylink.tinyplus.Project t = world.tinyPlusProject(e.id);
      if (t != null && e.rule.equals("client")) {
        e.company = t.clientCompany();
      } else if (t != null && e.rule.equals("manager")) {
        e.member = t.assignedUser();
        e.staff = e.member == null ? null : world.context.linkedSynergyId(RecordType.TEAM_MEMBER, e.member);
      } else if (t != null && e.rule.equals("status")) {
        e.tinyPlusStatus = TinyPlusStatus.of(t.state(), t.phase());
      }
    } else if (e.rule.equals("manager")) {
      Project p = world.synergyProject(e.id);
      e.staff = p == null ? null : p.managerId();
    }
    if (e.company != null) {
      e.companyPartner = world.context.linkedSynergyId(RecordType.COMPANY, e.company);
    }
  }

  /**
   * Whether a tiny+ status edit set the state and phase that the pair's agreed status maps to: tiny+ holds a state and
   * phase, not a Synergy status, and where several Synergy statuses share a phase the engine reads the phase as the
   * synced status while that status maps to it (ProjectMappings: the status rule compares in Synergy's terms). Such an
   * edit changes nothing the engine can see, like any edit back to the agreed value (ARCHITECTURE, one cycle, step 3).
   */
  private boolean phaseOfAgreed(Link link, TinyPlusStatus set) {
    StatusMapping mapping = world.settings.statusMapping();
    String agreed = world.agreed.agreed(link, "status");
    if (mapping == null || agreed == null || agreed.isEmpty() || !agreed.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return set.equals(mapping.tinyPlusStatus(Long.parseLong(agreed)));
  }

  /** After an operation, or before a person's edit while the engine works: which edits have landed by now. */
  void markLanded() {
    for (TrackedEdit e : edits) {
      markLanded(e);
    }
  }

  private void markLanded(TrackedEdit e) {
    if (e.landing != Landing.NOT) {
      return;
    }
    Link link = world.link(e.type, e.side, e.id);
    Long partner;
    Landing landing = Landing.ON_PARTNER;
    if (link == null) {
      // the engine's copy made before its link was saved (a crash, a lost answer) carries the edit too: it was sent
      partner = e.type == RecordType.TEAM_MEMBER ? null : world.views.get(e.type).markedCopy(e.side, e.id);
      if (partner == null) {
        return;
      }
      landing = Landing.ON_UNLINKED_COPY;
    } else if (link.orphaned()) {
      return;
    } else {
      partner = e.side == Side.SYNERGY ? link.tinyPlusId() : link.synergyId();
    }
    if (assignedToTheActivatingUser(e, partner)) {
      e.landing = landing;
      return;
    }
    String there = world.views.get(e.type).value(e.side.other(), partner, e.rule);
    // (an empty assignee also lands where Synergy holds no manager either: the two agree, and nothing is defaulted)
    if (Objects.equals(there, expectedThere(e)) || Objects.equals(there, asSent(e))) {
      e.landing = landing;
      return;
    }
    // Several Synergy statuses may share one tiny+ phase (the guide maps statuses to phases, not one to one). A tiny+
    // person sets a state and phase, not one of those statuses: the edit has landed when the Synergy partner's status
    // maps to the state and phase the person set, whichever of the statuses sharing it Synergy holds.
    StatusMapping mapping = world.settings.statusMapping();
    if (e.tinyPlusStatus != null && mapping != null && there != null && !there.isEmpty()
        && there.chars().allMatch(Character::isDigit)
        && e.tinyPlusStatus.equals(mapping.tinyPlusStatus(Long.parseLong(there)))) {
      e.landing = Landing.AS_STATUS_OF_THE_PHASE;
    }
  }

  /**
   * Whether a Synergy edit that left a project with no manager has landed as the guide's default: the tiny+ partner is
   * assigned to the user who activated the integration.
   */
  private boolean assignedToTheActivatingUser(TrackedEdit e, long tinyPlusPartner) {
    if (e.side != Side.SYNERGY || e.type != RecordType.PROJECT || !e.rule.equals("manager") || e.value != null) {
      return false;
    }
    dev.synergylink.tinyplus.Project t = world.tinyPlusProject(tinyPlusPartner);
    return t != null && Objects.equals(t.assignedUser(), world.settings.activatingUser());
  }

  /**
   * The edit's value as the other side would read it now: a related company that was not synced when the edit was
   * made reads as its Synergy partner once it is; a Synergy manager is the staff member it names, whether or not that
   * staff member was linked with a team member then; a tiny+ assignee that is empty or linked with no staff member is
   * the activating user's staff member.
   */
  private String expectedThere(TrackedEdit e) {
    if (e.side == Side.TINYPLUS && e.type == RecordType.PROJECT && e.rule.equals("manager") && e.staff == null) {
      // an assignee that is empty or linked with no staff member lands as the guide's default, the activating user
      Long activatingStaff = ManagersApart.activatingStaff(world);
      if (activatingStaff != null) {
        return activatingStaff.toString();
      }
    }
    return asSent(e);
  }

  /** The edit's value as the engine sends it (and as a conflict it lost reports it), before any default. */
  private String asSent(TrackedEdit e) {
    if (e.company != null && e.companyPartner == null) {
      Long partner = world.context.linkedSynergyId(RecordType.COMPANY, e.company);
      return partner == null ? e.value : partner.toString();
    }
    if (e.side == Side.SYNERGY && e.staff != null) {
      return e.staff.toString();
    }
    return e.value;
  }

  /** At quiescence: every edit landed or is excused. */
  void check() {
    for (TrackedEdit e : edits) {
      Exemption excused = exemption(e);
      if (excused != null) {
        world.exemptions.used(excused);
        continue;
      }
      if (e.landing != Landing.NOT) {
        continue;
      }
      View<?, ?> view = world.views.get(e.type);
      Link link = world.link(e.type, e.side, e.id);
      throw new InvariantViolation("lost-edit", "a person set " + e.type + " " + e.rule + " of " + e.side
          + " record " + e.id + " to '" + e.value + "'; it never reached the other side and no conflict kept it;"
          + " now Synergy has '" + view.value(Side.SYNERGY, link.synergyId(), e.rule) + "' and tiny+ has '"
          + view.value(Side.TINYPLUS, link.tinyPlusId(), e.rule) + "' (link " + link.synergyId() + " <-> "
          + link.tinyPlusId() + ")");
    }
  }

  /** The first exemption that excuses an edit, in the order the check asks them, or null (it landed, or is lost). */
  private Exemption exemption(TrackedEdit e) {
    View<?, ?> view = world.views.get(e.type);
    FieldRule<?, ?> rule = view.mapping.rule(e.rule).orElseThrow();
    if (rule.direction() != Direction.BOTH) {
      return Exemption.ONE_WAY_FIELD;
    }
    if (e.landing == Landing.ON_UNLINKED_COPY) {
      return Exemption.LANDED_ON_UNLINKED_COPY;
    }
    if (e.landing == Landing.AS_STATUS_OF_THE_PHASE) {
      return Exemption.LANDED_AS_STATUS_OF_THE_PHASE;
    }
    if (e.landing == Landing.ON_PARTNER) {
      return null;
    }
    if (e.noChange != null) {
      return e.noChange;
    }
    Link link = world.link(e.type, e.side, e.id);
    if (!world.livePair(e.type, link)) {
      return Exemption.PAIR_GONE;
    }
    if (!view.eligible(link)) {
      return Exemption.PAIR_NOT_SYNCED;
    }
    Exemption related = relatedRecordRule(e, link);
    if (related != null) {
      return related;
    }
    if (edits.stream().anyMatch(o -> o.seq > e.seq && o.type == e.type && o.side == e.side && o.id == e.id
        && o.rule.equals(e.rule) && o.noChange != Exemption.UNCHANGED_VALUE)) {
      return Exemption.SUPERSEDED;
    }
    if (lostConflict(e, link, rule)) {
      return Exemption.LOST_CONFLICT;
    }
    if (!e.linkedAtEdit && !world.createdByEngine(e.side.other(), e.type,
        e.side == Side.SYNERGY ? link.tinyPlusId() : link.synergyId())) {
      return Exemption.MATCHED_BY_KEY;
    }
    if (e.op >= 0 && overwrittenInSameOp(e, rule)) {
      return Exemption.OVERWRITTEN_IN_SAME_OPERATION;
    }
    return null;
  }

  /** The guide's rules for managers and related companies that keep an edit from being sent. */
  private Exemption relatedRecordRule(TrackedEdit e, Link link) {
    if (e.type == RecordType.PROJECT && e.rule.equals("manager")) {
      if (e.side == Side.TINYPLUS && e.member != null && e.staff == null
          && ManagersApart.activatingStaff(world) == null) {
        return Exemption.ASSIGNEE_NOT_LINKED;
      }
      if (world.managersApart.keptApart(link)) {
        // kept apart by the staff-link rules since, and neither project's manager has been edited since: the
        // convergence check excuses the same, for the same reason
        return Exemption.MANAGER_KEPT_APART;
      }
      if (e.side == Side.SYNERGY && defaultedThenLinked(e, link)) {
        return Exemption.MANAGER_DEFAULTED_THEN_LINKED;
      }
      if (e.staff != null && World.orNull(() -> world.synergy.webApp().staffMember(e.staff)) == null) {
        // deleted in Synergy since (and the team member's link orphaned): the rules for an unlinked manager apply
        return Exemption.MANAGER_STAFF_DELETED;
      }
    }
    if (e.type == RecordType.CONTACT && e.rule.equals("parent") && e.side == Side.TINYPLUS) {
      if (e.company == null || e.companyPartner == null
          && world.context.linkedSynergyId(RecordType.COMPANY, e.company) == null) {
        return Exemption.COMPANY_NOT_SYNCED;
      }
      if (e.companyPartner != null && World.orNull(() -> world.synergy.webApp().contact(e.companyPartner)) == null) {
        // The company chosen in tiny+ had been deleted in Synergy: it is not synced any more, so the contact is not
        // sent. The engine learns of it when Synergy refuses the contact, orphans the company's link, and from then
        // on reads (and keeps in any conflict) the value as an unsynced tiny+ company.
        return Exemption.COMPANY_DELETED_IN_SYNERGY;
      }
    }
    return null;
  }

  /**
   * Whether a Synergy manager edit (to none, or to a staff member linked with no team member) went to tiny+ as the
   * guide's default, the activating user, and the activating user was linked with a staff member since: the tiny+
   * assignee then reads as that staff member, a change the engine sends to Synergy like any assignee linked later.
   */
  private boolean defaultedThenLinked(TrackedEdit e, Link link) {
    Project p = world.synergyProject(link.synergyId());
    dev.synergylink.tinyplus.Project t = world.tinyPlusProject(link.tinyPlusId());
    Long activatingStaff = ManagersApart.activatingStaff(world);
    boolean editUnlinked = e.staff == null || world.context.linkedTinyPlusId(RecordType.TEAM_MEMBER, e.staff) == null;
    return editUnlinked && p != null && t != null && activatingStaff != null
        && Objects.equals(t.assignedUser(), world.settings.activatingUser())
        && activatingStaff.equals(p.managerId());
  }

  private boolean lostConflict(TrackedEdit e, Link link, FieldRule<?, ?> rule) {
    String expected = asSent(e);
    return conflicts.stream().anyMatch(c -> c.afterEdit >= e.seq
        && c.conflict.conflict().recordType() == e.type && c.conflict.conflict().field().equals(e.rule)
        && c.conflict.conflict().synergyId() == link.synergyId()
        && c.conflict.conflict().tinyPlusId() == link.tinyPlusId()
        && c.conflict.winner() != e.side
        && Objects.equals(ConflictValue.asChosen(world, rule.normalise(c.conflict.losingValue())), expected));
  }

  private boolean overwrittenInSameOp(TrackedEdit e, FieldRule<?, ?> rule) {
    List<FakeWrite> writes = e.side == Side.SYNERGY ? world.synergy.writes() : world.tinyPlus.writes();
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
}
