package dev.synergylink.sync;

import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How project statuses map between the two systems: each tiny+ phase (and each state, for a project without a
 * phase) to one Synergy status, each Synergy status to one tiny+ state and phase, and the tiny+ states and phases
 * that are locked (their projects are not sent to Synergy). Immutable and thread-safe; a host setting, given to
 * {@link SyncSettings#statusMapping()}.
 *
 * <pre>{@code
 * ProjectStatusOptions options = engine.projectSetup().statusOptions();    // for the mapping screen
 * StatusMapping mapping = StatusMapping.proposeDefault(options)    // by status type
 *     .toBuilder()
 *     .lockPhase(enquiryPhaseId)                                   // enquiries stay in tiny+
 *     .status(proposalStatusId, ProjectState.PROPOSED, feeProposalPhaseId) // no Synergy status may land locked
 *     .build();
 * List<String> problems = mapping.problems(options);               // empty before the sync may be enabled
 * }</pre>
 */
public final class StatusMapping {
  private final Map<Long, Long> phases;
  private final Map<ProjectState, Long> states;
  private final Map<Long, TinyPlusStatus> statuses;
  private final Set<ProjectState> lockedStates;
  private final Set<Long> lockedPhases;

  private StatusMapping(Builder builder) {
    this.phases = Map.copyOf(builder.phases);
    this.states = Map.copyOf(builder.states);
    this.statuses = Map.copyOf(builder.statuses);
    this.lockedStates = Set.copyOf(builder.lockedStates);
    this.lockedPhases = Set.copyOf(builder.lockedPhases);
  }

  /**
   * A new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this mapping, to change it.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.phases.putAll(phases);
    b.states.putAll(states);
    b.statuses.putAll(statuses);
    b.lockedStates.addAll(lockedStates);
    b.lockedPhases.addAll(lockedPhases);
    return b;
  }

  /**
   * The default mapping, by status type: each tiny+ phase and state to the first active Synergy status of the
   * matching type (one of the same name preferred), and each Synergy status to the first phase of the matching
   * state (one of the same name preferred). Proposal &lt;&gt; proposed; Active, Pending Invoice and Hold &gt; active;
   * won &gt; Active; Complete &lt;&gt; completed; Unsuccessful &lt;&gt; lost; cancelled &gt; Unsuccessful. Nothing is
   * locked. Check the result with {@link #problems(ProjectStatusOptions)}: a type without an active status leaves
   * its phases unmapped.
   *
   * @param options the statuses and phases
   * @return the mapping
   */
  public static StatusMapping proposeDefault(ProjectStatusOptions options) {
    Objects.requireNonNull(options, "options == null");
    Builder b = new Builder();
    List<ProjectStatus> active = new ArrayList<>();
    for (ProjectStatus status : options.synergyStatuses()) {
      if (status.isActive()) {
        active.add(status);
      }
    }
    active.sort(Comparator.comparingLong(ProjectStatus::id));
    List<ProjectPhase> phases = new ArrayList<>(options.tinyPlusPhases());
    phases.sort(Comparator.comparing((ProjectPhase p) -> p.sortOrder() == null ? Integer.MAX_VALUE : p.sortOrder())
        .thenComparingLong(ProjectPhase::id));
    for (ProjectState state : ProjectState.values()) {
      if (state == ProjectState.UNKNOWN) {
        continue;
      }
      ProjectStatus status = pick(active, typeOf(state), null);
      if (status != null) {
        b.state(state, status.id());
      }
    }
    for (ProjectPhase phase : phases) {
      ProjectStatus status = pick(active, typeOf(phase.state()), phase.name());
      if (status != null) {
        b.phase(phase.id(), status.id());
      }
    }
    for (ProjectStatus status : options.synergyStatuses()) {
      ProjectState state = stateOf(status.statusType());
      if (state == null) {
        continue;
      }
      ProjectPhase match = null;
      for (ProjectPhase phase : phases) {
        if (phase.state() == state) {
          if (match == null || same(phase.name(), status.name()) && !same(match.name(), status.name())) {
            match = phase;
          }
        }
      }
      b.status(status.id(), state, match == null ? null : match.id());
    }
    return b.build();
  }

  private static ProjectStatus pick(List<ProjectStatus> active, StatusType type, String name) {
    ProjectStatus first = null;
    for (ProjectStatus status : active) {
      if (status.statusType() == type) {
        if (name != null && same(name, status.name())) {
          return status;
        }
        if (first == null) {
          first = status;
        }
      }
    }
    return first;
  }

  private static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  private static StatusType typeOf(ProjectState state) {
    switch (state) {
      case PROPOSED: return StatusType.PROPOSAL;
      case COMPLETED: return StatusType.COMPLETE;
      case LOST:
      case CANCELLED: return StatusType.UNSUCCESSFUL;
      default: return StatusType.ACTIVE;
    }
  }

  private static ProjectState stateOf(StatusType type) {
    switch (type) {
      case PROPOSAL: return ProjectState.PROPOSED;
      case ACTIVE:
      case PENDING_INVOICE:
      case HOLD: return ProjectState.ACTIVE;
      case UNSUCCESSFUL: return ProjectState.LOST;
      case COMPLETE: return ProjectState.COMPLETED;
      default: return null;
    }
  }

  /**
   * The Synergy status for a tiny+ state and phase: the phase's mapping, else the state's.
   *
   * @param state the tiny+ state
   * @param phase the tiny+ phase id, or null
   * @return the Synergy status id, or null when unmapped
   */
  public @Nullable Long synergyStatus(ProjectState state, @Nullable Long phase) {
    if (phase != null && phases.containsKey(phase)) {
      return phases.get(phase);
    }
    return states.get(state);
  }

  /**
   * The tiny+ state and phase for a Synergy status.
   *
   * @param synergyStatusId the Synergy status id
   * @return the tiny+ status, or null when unmapped
   */
  public @Nullable TinyPlusStatus tinyPlusStatus(long synergyStatusId) {
    return statuses.get(synergyStatusId);
  }

  /**
   * Whether a tiny+ project in this state and phase is held back: not created in Synergy and its changes not sent.
   *
   * @param state the tiny+ state
   * @param phase the tiny+ phase id, or null
   * @return true when the state or the phase is locked
   */
  public boolean isLocked(ProjectState state, @Nullable Long phase) {
    return lockedStates.contains(state) || phase != null && lockedPhases.contains(phase);
  }

  /**
   * The locked tiny+ states.
   *
   * @return the states
   */
  public Set<ProjectState> lockedStates() {
    return lockedStates;
  }

  /**
   * The locked tiny+ phases.
   *
   * @return the phase ids
   */
  public Set<Long> lockedPhases() {
    return lockedPhases;
  }

  /**
   * Every reason the projects sync cannot be enabled with this mapping, one sentence each naming the status or
   * phase and the fix: an active Synergy status, a tiny+ phase or a tiny+ state (for projects without a phase)
   * that is unmapped (locked states and phases need no Synergy status), a mapping to a Synergy status that is
   * retired or unknown (Synergy sets only active statuses), a mapping to a tiny+ phase that is unknown or belongs to
   * another state, and a Synergy status mapped to a locked tiny+ phase or state (its projects would land in tiny+
   * locked and stop syncing back).
   *
   * @param options the statuses and phases as the two systems have them now
   * @return the problems; empty when the mapping is complete
   */
  public List<String> problems(ProjectStatusOptions options) {
    Objects.requireNonNull(options, "options == null");
    Map<Long, ProjectStatus> byId = new HashMap<>();
    for (ProjectStatus status : options.synergyStatuses()) {
      byId.put(status.id(), status);
    }
    Map<Long, ProjectPhase> phaseById = new LinkedHashMap<>();
    for (ProjectPhase phase : options.tinyPlusPhases()) {
      phaseById.put(phase.id(), phase);
    }
    List<String> problems = new ArrayList<>();
    unmappedSources(options, byId, phaseById, problems);
    unmappedStates(byId, problems);
    badTargets(byId, phaseById, problems);
    return problems;
  }

  /** Active Synergy statuses and unlocked tiny+ phases with no mapping, and mapped phases tiny+ does not have. */
  private void unmappedSources(ProjectStatusOptions options, Map<Long, ProjectStatus> byId,
      Map<Long, ProjectPhase> phaseById, List<String> problems) {
    for (ProjectStatus status : options.synergyStatuses()) {
      if (status.isActive() && !statuses.containsKey(status.id())) {
        problems.add("Synergy status '" + status.name() + "' (id " + status.id() + ") is not mapped to a tiny+ state"
            + " and phase: map it under Configure Project Statuses");
      }
    }
    for (ProjectPhase phase : options.tinyPlusPhases()) {
      if (isLocked(phase.state(), phase.id())) {
        continue;
      }
      Long target = phases.get(phase.id());
      if (target == null) {
        problems.add("tiny+ phase '" + phase.name() + "' (id " + phase.id() + ", state " + phase.state().wireName()
            + ") is not mapped to a Synergy status: map it under Configure Project Statuses, or lock it");
      } else {
        checkTarget(byId, target, "tiny+ phase '" + phase.name() + "' (id " + phase.id() + ")", problems);
      }
    }
    for (Map.Entry<Long, Long> entry : phases.entrySet()) {
      if (!phaseById.containsKey(entry.getKey())) {
        problems.add("the mapping names tiny+ phase " + entry.getKey() + ", which tiny+ does not have: remove it");
      }
    }
  }

  /** Unlocked tiny+ states (for projects without a phase) with no mapping, or mapped to a status Synergy cannot set. */
  private void unmappedStates(Map<Long, ProjectStatus> byId, List<String> problems) {
    for (ProjectState state : ProjectState.values()) {
      if (state != ProjectState.UNKNOWN && !lockedStates.contains(state) && !states.containsKey(state)) {
        problems.add("tiny+ state '" + state.wireName() + "' (for projects without a phase) is not mapped to a"
            + " Synergy status: map it under Configure Project Statuses, or lock it");
      }
    }
    for (Map.Entry<ProjectState, Long> entry : states.entrySet()) {
      if (!lockedStates.contains(entry.getKey())) {
        checkTarget(byId, entry.getValue(), "tiny+ state '" + entry.getKey().wireName() + "'", problems);
      }
    }
  }

  /** Synergy statuses mapped to what tiny+ does not have, to a locked status, or to a phase of another state. */
  private void badTargets(Map<Long, ProjectStatus> byId, Map<Long, ProjectPhase> phaseById, List<String> problems) {
    for (Map.Entry<Long, TinyPlusStatus> entry : statuses.entrySet()) {
      ProjectStatus status = byId.get(entry.getKey());
      String name = status == null ? "Synergy status " + entry.getKey()
          : "Synergy status '" + status.name() + "' (id " + entry.getKey() + ")";
      if (status == null) {
        problems.add("the mapping names Synergy status " + entry.getKey() + ", which Synergy does not have: remove"
            + " it");
        continue;
      }
      Long phaseId = entry.getValue().phase();
      checkNotLocked(name, entry.getValue(), phaseById, problems);
      if (phaseId != null) {
        ProjectPhase phase = phaseById.get(phaseId);
        if (phase == null) {
          problems.add(name + " maps to tiny+ phase " + phaseId + ", which tiny+ does not have: pick another phase");
        } else if (phase.state() != entry.getValue().state()) {
          problems.add(name + " maps to tiny+ phase '" + phase.name() + "', which belongs to state "
              + phase.state().wireName() + ", not " + entry.getValue().state().wireName()
              + ": tiny+ accepts a phase only with its own state");
        }
      }
    }
  }

  /**
   * A Synergy status mapped into a locked tiny+ status: every project in it would land in tiny+ held back, and no
   * tiny+ edit of it would reach Synergy again.
   */
  private void checkNotLocked(String name, TinyPlusStatus target, Map<Long, ProjectPhase> phaseById,
      List<String> problems) {
    if (!isLocked(target.state(), target.phase())) {
      return;
    }
    ProjectPhase phase = target.phase() == null ? null : phaseById.get(target.phase());
    boolean phaseLocked = target.phase() != null && lockedPhases.contains(target.phase());
    String where = phaseLocked
        ? "tiny+ phase " + (phase == null ? String.valueOf(target.phase()) : "'" + phase.name() + "'")
        : "tiny+ state '" + target.state().wireName() + "'";
    problems.add(name + " maps to " + where + ", which is locked: its projects would land in tiny+ locked and their"
        + " tiny+ changes would never reach Synergy; map the status to an unlocked phase, or unlock " + where);
  }

  private static void checkTarget(Map<Long, ProjectStatus> byId, long target, String what, List<String> problems) {
    ProjectStatus status = byId.get(target);
    if (status == null) {
      problems.add(what + " maps to Synergy status " + target + ", which Synergy does not have: pick another status");
    } else if (!status.isActive()) {
      problems.add(what + " maps to Synergy status '" + status.name() + "', which is retired: Synergy sets only"
          + " active statuses, so pick another");
    }
  }

  /**
   * Throws when {@link #problems(ProjectStatusOptions)} finds any.
   *
   * @param options the statuses and phases
   * @throws SyncSettingsException listing every problem
   */
  public void check(ProjectStatusOptions options) {
    List<String> problems = problems(options);
    if (!problems.isEmpty()) {
      throw new SyncSettingsException(problems);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StatusMapping)) {
      return false;
    }
    StatusMapping other = (StatusMapping) o;
    return phases.equals(other.phases) && states.equals(other.states) && statuses.equals(other.statuses)
        && lockedStates.equals(other.lockedStates) && lockedPhases.equals(other.lockedPhases);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phases, states, statuses, lockedStates, lockedPhases);
  }

  @Override
  public String toString() {
    return "StatusMapping{phases=" + phases + ", states=" + states + ", statuses=" + statuses + ", lockedStates="
        + lockedStates + ", lockedPhases=" + lockedPhases + "}";
  }

  /** Builds a {@link StatusMapping}. Not thread-safe. */
  public static final class Builder {
    private final Map<Long, Long> phases = new LinkedHashMap<>();
    private final Map<ProjectState, Long> states = new EnumMap<>(ProjectState.class);
    private final Map<Long, TinyPlusStatus> statuses = new LinkedHashMap<>();
    private final Set<ProjectState> lockedStates = EnumSet.noneOf(ProjectState.class);
    private final Set<Long> lockedPhases = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Maps a tiny+ phase to a Synergy status (tiny+ to Synergy), replacing an earlier mapping of the phase.
     *
     * @param phaseId the tiny+ phase id
     * @param synergyStatusId the Synergy status id (an active one)
     * @return this builder
     */
    public Builder phase(long phaseId, long synergyStatusId) {
      phases.put(phaseId, synergyStatusId);
      return this;
    }

    /**
     * Maps a tiny+ state to a Synergy status, for projects of that state without a mapped phase.
     *
     * @param state the tiny+ state
     * @param synergyStatusId the Synergy status id (an active one)
     * @return this builder
     */
    public Builder state(ProjectState state, long synergyStatusId) {
      states.put(TinyPlusStatus.of(state, null).state(), synergyStatusId);
      return this;
    }

    /**
     * Maps a Synergy status to a tiny+ state and phase (Synergy to tiny+), replacing an earlier mapping of it.
     *
     * @param synergyStatusId the Synergy status id
     * @param state the tiny+ state
     * @param phaseId a phase of that state, or null for the state alone
     * @return this builder
     */
    public Builder status(long synergyStatusId, ProjectState state, @Nullable Long phaseId) {
      statuses.put(synergyStatusId, TinyPlusStatus.of(state, phaseId));
      return this;
    }

    /**
     * Locks a tiny+ state: its projects are not created in Synergy and their changes are not sent until they move
     * to an unlocked status. Synergy to tiny+ is unaffected.
     *
     * @param state the state
     * @return this builder
     */
    public Builder lockState(ProjectState state) {
      lockedStates.add(TinyPlusStatus.of(state, null).state());
      return this;
    }

    /**
     * Locks a tiny+ phase, like {@link #lockState(ProjectState)}.
     *
     * @param phaseId the phase id
     * @return this builder
     */
    public Builder lockPhase(long phaseId) {
      lockedPhases.add(phaseId);
      return this;
    }

    /**
     * Unlocks a tiny+ phase.
     *
     * @param phaseId the phase id
     * @return this builder
     */
    public Builder unlockPhase(long phaseId) {
      lockedPhases.remove(phaseId);
      return this;
    }

    /**
     * The mapping.
     *
     * @return the mapping
     */
    public StatusMapping build() {
      return new StatusMapping(this);
    }
  }
}
