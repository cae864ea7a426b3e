package dev.synergylink.sync.internal;

import dev.synergylink.sync.CallBudgetSpentException;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.SynergyClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's daily Synergy call budget within one run. The budget is {@code dailySynergyCallBudget} when set, else
 * the quota Synergy last reported ({@code X-RateLimit-Limit}, kept in the store so that a new engine knows it), and
 * never more than Synergy says is left today. What was spent today, and when each record type was last polled and
 * last seen changed, is kept in the state store's bookkeeping, so every worker of the connection sees it; it is saved
 * with the release of the run's lease, so it costs no write of its own.
 *
 * <p>How it is spent: the run may make no more Synergy calls than are left (a call past them is refused before it is
 * made); writes of known changes come first (the creates left open and the due retries of every type before the polls
 * of any type; a tiny+ change of a type has that type's Synergy list read and the change written whatever the
 * schedule), so that when they take what was left, the run stops at the next poll that is due (its stop cause and
 * advised next run: the reset) with those writes made; the rest, less a fifth kept for such writes, is spread over the hours to the reset
 * as Synergy polls of each type. When it covers a poll of every type at every run a minute apart, every run polls every
 * type. Otherwise each type is polled at an interval in proportion to how long ago it last changed (half that age,
 * from one minute to four hours: a type that changed recently is polled sooner, staff that never change rarely),
 * scaled by one factor for all types so that the polls fit the budget, at most a day apart. A short budget thus
 * lengthens every type's interval alike rather than running dry in the afternoon. Not thread-safe.
 */
final class CallBudget {
  /** The bookkeeping value's name. */
  static final String KEY = "call-budget";
  /** The finest spacing of runs assumed of a host's schedule. */
  static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
  /** The longest interval a type's change history asks for, before the budget's scaling. */
  static final Duration MAX_BASE = Duration.ofHours(4);
  /** The longest interval between two polls of a type, however short the budget. */
  static final Duration MAX_INTERVAL = Duration.ofHours(24);

  private final Run run;
  private final Long budget;
  private final Instant now;
  private final Instant resetAt;
  private final long spentBefore;
  private final long left;
  private final Long limitSeen;
  private final Map<RecordType, Instant> polled = new EnumMap<>(RecordType.class);
  private final Map<RecordType, Instant> changed = new EnumMap<>(RecordType.class);
  /** When the budget first saw each type: a type never seen changed is as old as that. */
  private final Map<RecordType, Instant> since = new EnumMap<>(RecordType.class);
  private Map<RecordType, Duration> intervals;

  private CallBudget(Run run, Long budget, Long limitSeen, long spentBefore, long left, Instant resetAt) {
    this.run = run;
    this.budget = budget;
    this.limitSeen = limitSeen;
    this.spentBefore = spentBefore;
    this.left = left;
    this.now = run.now();
    this.resetAt = resetAt;
  }

  /**
   * The budget of a run, read from the settings, the client's last quota and the store, and put on the run's call
   * counter.
   */
  static CallBudget start(Run run, SynergyClient synergy) {
    Instant now = run.now();
    Map<String, String> kept = Bookkeeping.read(run.store, run.connectionId(), KEY);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant reset = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    // what Synergy said is left counts only until the reset it named
    Optional<Quota> quota = synergy.lastQuota().filter(q -> q.resetAt().isAfter(now));
    Long limitSeen = synergy.lastQuota().map(Quota::limit).orElseGet(() -> number(kept.get("limit")));
    Long budget = run.settings.dailySynergyCallBudget() != null
        ? (Long) (long) run.settings.dailySynergyCallBudget() : limitSeen;
    if (budget != null && limitSeen != null) {
      budget = Math.min(budget, limitSeen);
    }
    long spent = today.toString().equals(kept.get("day")) ? orZero(number(kept.get("spent"))) : 0;
    long left = budget == null ? Long.MAX_VALUE : Math.max(0, budget - spent);
    if (budget != null && quota.isPresent()) {
      left = Math.min(left, Math.max(0, quota.get().remaining()));
    }
    CallBudget b = new CallBudget(run, budget, limitSeen, spent, left, reset);
    for (RecordType type : RecordType.values()) {
      b.polled.put(type, instant(kept.get(type + ".polled")));
      b.changed.put(type, instant(kept.get(type + ".changed")));
      Instant first = instant(kept.get(type + ".since"));
      b.since.put(type, first != null ? first : run.settings.isEnabled(type) ? now : null);
    }
    if (budget != null) {
      long max = budget;
      run.calls.limitSynergy(left, () -> new CallBudgetSpentException(max, reset));
    }
    return b;
  }

  /**
   * Whether this run polls a type's Synergy side: always when there is no budget or the type has known changes to
   * write (its tiny+ side changed), else when its interval has passed (less a tenth, for a host's timer jitter).
   */
  boolean pollSynergy(RecordType type, boolean knownChanges) {
    if (budget == null || knownChanges) {
      return true;
    }
    Instant last = polled.get(type);
    if (last == null || last.isAfter(now)) {
      return true;
    }
    Duration interval = intervals().get(type);
    return !now.isBefore(last.plus(interval.minus(interval.dividedBy(10))));
  }

  /** A type's Synergy side was polled in full; {@code changes}: either side showed a change by someone else. */
  void polled(RecordType type, boolean changes) {
    polled.put(type, now);
    if (changes) {
      changed.put(type, now);
    }
  }

  /** A type's tiny+ side showed a change by someone else, with no Synergy poll. */
  void changed(RecordType type) {
    changed.put(type, now);
  }

  /** The Synergy calls left today after this run's, or null without a budget. */
  Long leftAfterRun() {
    return budget == null ? null : Math.max(0, left - run.calls.counts().getOrDefault(Side.SYNERGY, 0));
  }

  /**
   * When a run is next worth making for its Synergy polls: the earliest instant a type's poll is due (now when every
   * run polls every type), the budget's reset when nothing is left; null without a budget.
   */
  Instant nextRunAdvisedAt() {
    if (budget == null) {
      return null;
    }
    if (leftAfterRun() == 0) {
      return resetAt;
    }
    Instant next = null;
    for (RecordType type : enabled()) {
      Instant last = polled.get(type);
      Instant due = last == null ? now : last.plus(intervals().get(type));
      next = next == null || due.isBefore(next) ? due : next;
    }
    Instant end = run.now();
    return next == null || next.isBefore(end) ? end : next;
  }

  /**
   * What the run spent and learnt, for the next run of any worker: the bookkeeping value kept with the lease's
   * release, so an idle cycle makes no write of its own for it.
   */
  Map<String, String> toKeep() {
    Map<String, String> kept = new LinkedHashMap<>();
    kept.put("day", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
    kept.put("spent", Long.toString(spentBefore + run.calls.counts().getOrDefault(Side.SYNERGY, 0)));
    if (limitSeen != null) {
      kept.put("limit", Long.toString(limitSeen));
    }
    for (RecordType type : RecordType.values()) {
      if (polled.get(type) != null) {
        kept.put(type + ".polled", polled.get(type).toString());
      }
      if (changed.get(type) != null) {
        kept.put(type + ".changed", changed.get(type).toString());
      }
      if (since.get(type) != null) {
        kept.put(type + ".since", since.get(type).toString());
      }
    }
    return Map.of(KEY, Bookkeeping.encode(kept));
  }

  /** Each enabled type's interval between Synergy polls under this run's budget. */
  private Map<RecordType, Duration> intervals() {
    if (intervals != null) {
      return intervals;
    }
    intervals = new EnumMap<>(RecordType.class);
    List<RecordType> types = enabled();
    double seconds = Math.max(MIN_INTERVAL.toSeconds(), Duration.between(now, resetAt).toSeconds());
    double forPolls = left * 0.8;
    if (forPolls >= types.size() * seconds / MIN_INTERVAL.toSeconds()) {
      types.forEach(t -> intervals.put(t, Duration.ZERO));
      return intervals;
    }
    Map<RecordType, Double> base = new EnumMap<>(RecordType.class);
    for (RecordType type : types) {
      Instant last = changed.get(type) != null ? changed.get(type) : since.get(type);
      double age = last == null || last.isAfter(now) ? 0 : Duration.between(last, now).toSeconds();
      base.put(type, Math.min(MAX_BASE.toSeconds(), Math.max(MIN_INTERVAL.toSeconds(), age / 2)));
    }
    // one factor for every type: the polls the intervals ask for until the reset fit what is left for polls; a type
    // held to MAX_INTERVAL frees its share for the others
    Map<RecordType, Double> scaled = new EnumMap<>(RecordType.class);
    for (int pass = 0; pass < 2; pass++) {
      double demand = 0;
      double room = Math.max(1, forPolls);
      for (RecordType type : types) {
        if (scaled.containsKey(type)) {
          room -= seconds / scaled.get(type);
        } else {
          demand += seconds / base.get(type);
        }
      }
      double factor = demand / Math.max(1, room);
      for (RecordType type : types) {
        if (!scaled.containsKey(type) && (base.get(type) * factor >= MAX_INTERVAL.toSeconds() || pass == 1)) {
          scaled.put(type, Math.min(MAX_INTERVAL.toSeconds(), base.get(type) * factor));
        }
      }
    }
    for (RecordType type : types) {
      double s = scaled.getOrDefault(type, (double) MAX_INTERVAL.toSeconds());
      intervals.put(type, Duration.ofSeconds((long) Math.max(MIN_INTERVAL.toSeconds(), s)));
    }
    return intervals;
  }

  private List<RecordType> enabled() {
    return run.settings.enabledTypes().stream().sorted().toList();
  }

  private static Long number(String text) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
