package dev.synergylink.sync.simulation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reason the checks accept a difference the engine left: an edit that never reached the other side, or a pair
 * that differs after quiet cycles. Each one is a documented rule of the guide or a documented limit of the engine;
 * each is counted per run ({@link Tally}) and the counts are printed in the simulation's summary, so that an
 * exemption that starts firing far more often than before is seen, not silently absorbed.
 */
enum Exemption {
  // ---- the no-lost-edit check, in the order it asks
  /** The rule is not synced both ways, so an edit on the side that does not own it is not sent (the guide). */
  ONE_WAY_FIELD("lost-edit"),
  /**
   * The edit set the value the record already held: the record did not change, so there is nothing to send (and such
   * an edit supersedes no earlier edit of the field).
   */
  UNCHANGED_VALUE("lost-edit"),
  /** The edit set the value its side last agreed on with the other side: no change the engine can see. */
  SAME_AS_AGREED("lost-edit"),
  /**
   * The edit set a value both records held alike when the engine read them in an operation that stopped before its
   * end (a crash, a lost lease, a quota used up): the engine may have merged them, and then it sees no change.
   */
  SAME_AS_MAYBE_AGREED("lost-edit"),
  /**
   * The edit of a record whose copy the engine created but has not linked yet (a lost answer, a crash) set the value
   * the copy was created with: the engine merges the copy against what it sent, so this is no change it can see.
   */
  SAME_AS_CREATED("lost-edit"),
  /**
   * The edit set the value an engine write to the same record carried, whose answer the engine never saw (the call
   * timed out, or the engine crashed right after it): the engine takes a record holding that value for its write
   * having landed.
   */
  SAME_AS_UNANSWERED_WRITE("lost-edit"),
  /** A tiny+ status edit set the state and phase the agreed Synergy status maps to (statuses may share a phase). */
  STATUS_PHASE_OF_AGREED("lost-edit"),
  /** The pair was orphaned or one of its records deleted since: nothing of it is synced any more. */
  PAIR_GONE("lost-edit"),
  /** The pair is out of sync (a contact whose company is not synced, a project in a locked status). */
  PAIR_NOT_SYNCED("lost-edit"),
  /**
   * A tiny+ assignee linked with no staff member is not sent to Synergy when the activating user, whom it defaults to,
   * is linked with no staff member either (the guide's rule).
   */
  ASSIGNEE_NOT_LINKED("lost-edit"),
  /** The managers are kept apart by the staff-link rules and neither has been edited since. */
  MANAGER_KEPT_APART("lost-edit"),
  /**
   * A Synergy manager edit went to tiny+ as the activating user (the guide's default), who was linked with a staff
   * member since: the engine sent that staff member back to Synergy, as for any assignee linked later.
   */
  MANAGER_DEFAULTED_THEN_LINKED("lost-edit"),
  /** The staff member the edit named was deleted in Synergy since: the edit cannot land any more. */
  MANAGER_STAFF_DELETED("lost-edit"),
  /** A tiny+ contact given no company or one not synced is not sent to Synergy (the guide's rule). */
  COMPANY_NOT_SYNCED("lost-edit"),
  /** The company chosen in tiny+ was deleted in Synergy since, so the contact is not sent (the guide's rule). */
  COMPANY_DELETED_IN_SYNERGY("lost-edit"),
  /** A later edit of the same field of the same record replaced it. */
  SUPERSEDED("lost-edit"),
  /** The engine reported a conflict the edit lost (its value is kept in the conflict log). */
  LOST_CONFLICT("lost-edit"),
  /** Two existing records matched by natural key: the manual control's side wins where both differ. */
  MATCHED_BY_KEY("lost-edit"),
  /**
   * The engine wrote the field over the edit in the operation the edit was made in: the documented limit (no
   * conditional writes in either API).
   */
  OVERWRITTEN_IN_SAME_OPERATION("lost-edit"),
  /** The edit reached the engine's copy made before the link was saved (a crash, a lost answer). */
  LANDED_ON_UNLINKED_COPY("lost-edit"),
  /** A tiny+ status edit landed as another Synergy status that maps to the same state and phase. */
  LANDED_AS_STATUS_OF_THE_PHASE("lost-edit"),

  // ---- the convergence check
  /** A contact the engine reports excluded because its related company is not synced (the guide's rule). */
  CONTACT_EXCLUDED("convergence"),
  /** A Synergy project the engine reports excluded because its client was deleted before it was ever synced. */
  PROJECT_CLIENT_NEVER_SYNCED("convergence"),
  /**
   * A tiny+ assignee that is empty or linked with no staff member gives Synergy the activating user's staff member, or
   * leaves the Synergy manager as it is when the activating user has none (the guide's rule).
   */
  CONVERGENCE_ASSIGNEE_NOT_LINKED("convergence"),
  /** Managers kept apart by the staff-link rules, neither edited since. */
  CONVERGENCE_MANAGER_KEPT_APART("convergence"),

  // ---- the no-echo check
  /** A manager kept apart settles in a quiet cycle when its pair is merged again for another reason. */
  ECHO_MANAGER_SETTLED("echo");

  private final String check;

  Exemption(String check) {
    this.check = check;
  }

  /** The check that makes the exemption. */
  String check() {
    return check;
  }

  /** The exemption's name as the summary prints it. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** How often each exemption fired: in one world, then summed over a run of seeds. Not thread-safe. */
  static final class Tally {
    private final Map<Exemption, Long> counts = new EnumMap<>(Exemption.class);

    /** Counts one use and returns true, so that a check reads {@code if (x && tally.used(E)) continue;}. */
    boolean used(Exemption exemption) {
      counts.merge(exemption, 1L, Long::sum);
      return true;
    }

    void addAll(Tally other) {
      other.counts.forEach((e, n) -> counts.merge(e, n, Long::sum));
    }

    /** One line per check: each exemption that fired, with its count. */
    String summary() {
      Map<String, String> byCheck = new LinkedHashMap<>();
      for (Exemption e : values()) {
        byCheck.putIfAbsent(e.check(), "");
      }
      return byCheck.keySet().stream().map(check -> "  " + check + " exemptions: " + counts.entrySet().stream()
          .filter(c -> c.getKey().check().equals(check)).map(c -> c.getKey().label() + " " + c.getValue())
          .collect(Collectors.collectingAndThen(Collectors.joining(", "), s -> s.isEmpty() ? "none" : s)))
          .collect(Collectors.joining("\n"));
    }
  }
}
