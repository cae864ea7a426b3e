package dev.synergylink.sync.internal.state;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Normaliser;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A linked pair's merge base: each synced field's {@link FieldState}, by rule name. A field not named has no value
 * agreed. Encoded as {@code {"v":1,"fields":{"<rule>":{...}}}}: {@code {"agreed":V}} for an agreed field,
 * {@code {"agreed":V,"synergy":V,"tinyPlus":V}} for one apart, {@code {"agreed":V,"synergy":V,"heldBack":true}} for a
 * held-back one, {@code {"agreed":null,"synergy":V,"tinyPlus":V,"unsettled":true}} for an unsettled one ({@code V} a
 * string or null, see {@link StateJson}); values sent and not yet answered follow as
 * {@code "sent":{"<rule>":{"to":"synergy","value":V,"seen":"<instant>","at":"<instant>","missed":true}}} ("missed"
 * only for a write known not to have landed; the whole member left out when there are
 * none, see {@link SentWrite}). Fields
 * are written in name order, so equal states encode to equal text. Immutable.
 */
public final class PairState {
  static final int VERSION = 1;
  private static final PairState EMPTY = new PairState(new TreeMap<>(), new TreeMap<>());

  private final SortedMap<String, FieldState> fields;
  private final Map<String, SentWrite> sent;

  private PairState(TreeMap<String, FieldState> fields, TreeMap<String, SentWrite> sent) {
    fields.values().removeIf(state -> state.equals(FieldState.agreed(null)));
    // sorted views: a TreeMap copied from one is built in one pass, without comparing names
    this.fields = Collections.unmodifiableSortedMap(fields);
    this.sent = Collections.unmodifiableSortedMap(sent);
  }

  /**
   * A state with no field agreed.
   *
   * @return the state
   */
  public static PairState empty() {
    return EMPTY;
  }

  /**
   * A state of the given fields.
   *
   * @param fields the field states by rule name
   * @return the state
   */
  public static PairState of(Map<String, FieldState> fields) {
    return new PairState(new TreeMap<>(fields), new TreeMap<>());
  }

  /**
   * A state of the given fields, with values sent and not yet answered.
   *
   * @param fields the field states by rule name
   * @param sent the values sent, by rule name
   * @return the state
   */
  public static PairState of(Map<String, FieldState> fields, Map<String, SentWrite> sent) {
    return new PairState(new TreeMap<>(fields), new TreeMap<>(sent));
  }

  /**
   * The values sent and not yet answered, by rule name.
   *
   * @return the values, unmodifiable
   */
  public Map<String, SentWrite> sent() {
    return sent;
  }

  /**
   * The latest version of a side's record seen before a value was sent to it that is not yet answered.
   *
   * @param target the side written to
   * @return the instant, or null when nothing waits for an answer there
   */
  public Instant targetSeen(Side target) {
    Instant latest = null;
    for (SentWrite write : sent.values()) {
      if (write.target() == target && write.targetSeen() != null
          && (latest == null || write.targetSeen().isAfter(latest))) {
        latest = write.targetSeen();
      }
    }
    return latest;
  }

  /**
   * Whether a value sent to a side waits for its answer.
   *
   * @param target the side
   * @return true when one does
   */
  public boolean sentTo(Side target) {
    for (SentWrite write : sent.values()) {
      if (write.target() == target) {
        return true;
      }
    }
    return false;
  }

  /**
   * Settles the values sent against what the sides hold now. A target record nobody changed since the version seen
   * before the write did not take it: the field keeps its base. Otherwise a target holding the value sent took the
   * write, and the field's base becomes that value (agreed). A target holding anything else was changed after the
   * write or instead of it, and which cannot be told: both sides then read as changed, so the merge settles them as
   * a conflict (the policy decides, and the losing value is reported) instead of taking either side as unchanged and
   * dropping the other's edit silently; where no modified instant tells, a target holding its old base is taken not
   * to have taken the write. A value sent to a side not read now stays waiting; one of a field no longer synced is
   * dropped.
   *
   * @param synergyValues Synergy's values by rule name, or null when its record was not read
   * @param tinyPlusValues tiny+'s values by rule name, or null when its record was not read
   * @param modifiedNow each side's record's modified instant now, or null when not read
   * @param normalisers each rule's normaliser, by rule name (null for a rule no longer synced)
   * @return the state with every value sent to a side read settled
   */
  public PairState settleSent(Map<String, String> synergyValues, Map<String, String> tinyPlusValues,
      Function<Side, Instant> modifiedNow, Function<String, Normaliser> normalisers) {
    if (sent.isEmpty()) {
      return this;
    }
    TreeMap<String, FieldState> settled = new TreeMap<>(fields);
    TreeMap<String, SentWrite> waiting = new TreeMap<>();
    sent.forEach((rule, write) -> {
      Side to = write.target();
      Map<String, String> target = to == Side.SYNERGY ? synergyValues : tinyPlusValues;
      Map<String, String> source = to == Side.SYNERGY ? tinyPlusValues : synergyValues;
      Normaliser normaliser = normalisers.apply(rule);
      if (normaliser == null) {
        return; // a field no longer synced
      }
      if (target == null) {
        waiting.put(rule, write);
        return;
      }
      FieldState old = field(rule);
      String now = target.get(rule);
      if (old.kind() == FieldState.Kind.UNSETTLED) {
        // a pair never merged: the value sent is agreed once the target holds it; else the next merge settles it
        if (!write.untouched(modifiedNow.apply(to)) && same(normaliser, now, write.value())) {
          settled.put(rule, FieldState.agreed(now));
        }
      } else if (write.untouched(modifiedNow.apply(to))) {
        // not taken: the base stands, unless the source went back to it since the value was sent (then it changed)
        String sourceNow = source == null ? null : source.get(rule);
        if (source != null && !same(normaliser, sourceNow, write.value())
            && !old.changed(to.other(), normaliser, sourceNow)) {
          settled.put(rule, to == Side.SYNERGY ? FieldState.apart(normaliser, old.agreed(), old.base(to), write.value())
              : FieldState.apart(normaliser, old.agreed(), write.value(), old.base(to)));
        }
      } else if (same(normaliser, now, write.value())) {
        settled.put(rule, FieldState.agreed(now));
      } else if (write.targetSeen() == null && !old.changed(to, normaliser, now)) {
        return; // nothing tells, and the target holds its base: taken not to have taken the write
      } else {
        boolean sourceAsSent = source != null && same(normaliser, source.get(rule), write.value());
        String sourceBase = sourceAsSent ? old.base(to.other()) : write.value();
        // each side's base is one its value differs from: the old base, or the value sent where it holds the old base
        String targetBase = old.changed(to, normaliser, now) ? old.base(to) : write.value();
        settled.put(rule, to == Side.SYNERGY ? FieldState.apart(old.agreed(), targetBase, sourceBase)
            : FieldState.apart(old.agreed(), sourceBase, targetBase));
      }
    });
    return new PairState(settled, waiting);
  }

  private static boolean same(Normaliser normaliser, String a, String b) {
    return Objects.equals(normaliser.normalise(a), normaliser.normalise(b));
  }

  /**
   * A field's state.
   *
   * @param rule the rule name
   * @return its state; no value agreed when the field is not named
   */
  public FieldState field(String rule) {
    FieldState field = fields.get(rule);
    return field != null ? field : FieldState.agreed(null);
  }

  /**
   * The fields named, by rule name (fields agreed on no value are left out).
   *
   * @return the fields, unmodifiable
   */
  public Map<String, FieldState> fields() {
    return fields;
  }

  /**
   * This state with one field changed.
   *
   * @param rule the rule name
   * @param state its new state
   * @return the new state
   */
  public PairState with(String rule, FieldState state) {
    TreeMap<String, FieldState> copy = new TreeMap<>(fields);
    copy.put(rule, state);
    return new PairState(copy, new TreeMap<>(sent));
  }

  /**
   * The encoded form to store.
   *
   * @return the encoding
   */
  public EncodedState encode() {
    return encode(fields, sent);
  }

  /**
   * The encoded form of the state of the given fields and values sent, as {@code of(fields, sent).encode()}; from
   * sorted maps (a writer's working copies), without making the state first.
   *
   * @param fields the field states by rule name
   * @param sent the values sent, by rule name
   * @return the encoding
   */
  public static EncodedState encode(Map<String, FieldState> fields, Map<String, SentWrite> sent) {
    if (!sortedByName(fields) || !sortedByName(sent)) {
      return of(fields, sent).encode();
    }
    // sized for this state, so that it is neither copied while it grows nor much larger than the text
    StringBuilder out = new StringBuilder(encodedLength(fields, sent))
        .append("{\"v\":").append(VERSION).append(",\"fields\":{");
    boolean first = true;
    for (Map.Entry<String, FieldState> field : fields.entrySet()) {
      FieldState state = field.getValue();
      if (state.kind() == FieldState.Kind.AGREED && state.agreed() == null) {
        continue; // left out, as a state leaves it out
      }
      out.append(first ? "" : ",");
      first = false;
      StateJson.string(out, field.getKey());
      out.append(":{\"agreed\":");
      StateJson.value(out, state.agreed());
      if (state.kind() != FieldState.Kind.AGREED) {
        out.append(",\"synergy\":");
        StateJson.value(out, state.base(Side.SYNERGY));
        if (state.heldBack()) {
          out.append(",\"heldBack\":true");
        } else {
          out.append(",\"tinyPlus\":");
          StateJson.value(out, state.base(Side.TINYPLUS));
          if (state.kind() == FieldState.Kind.UNSETTLED) {
            out.append(",\"unsettled\":true");
          }
        }
      }
      out.append('}');
    }
    out.append('}');
    if (!sent.isEmpty()) {
      out.append(",\"sent\":{");
      first = true;
      for (Map.Entry<String, SentWrite> write : sent.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        StateJson.string(out, write.getKey());
        SentWrite w = write.getValue();
        out.append(":{\"to\":\"").append(w.target() == Side.SYNERGY ? "synergy" : "tinyPlus").append("\",\"value\":");
        StateJson.value(out, w.value());
        if (w.targetSeen() != null) {
          StateJson.instant(out.append(",\"seen\":\""), w.targetSeen()).append('"');
        }
        StateJson.instant(out.append(",\"at\":\""), w.sentAt()).append('"');
        out.append(w.missed() ? ",\"missed\":true}" : "}");
      }
      out.append('}');
    }
    return EncodedState.of(out.append('}').toString());
  }

  private static boolean sortedByName(Map<String, ?> map) {
    return map instanceof SortedMap && ((SortedMap<String, ?>) map).comparator() == null;
  }

  /** The length of the encoding but for escapes and a few characters more. */
  private static int encodedLength(Map<String, FieldState> fields, Map<String, SentWrite> sent) {
    int n = 24;
    for (Map.Entry<String, FieldState> field : fields.entrySet()) {
      FieldState state = field.getValue();
      n += field.getKey().length() + 16 + length(state.agreed());
      if (state.kind() != FieldState.Kind.AGREED) {
        n += 28 + length(state.base(Side.SYNERGY)) + length(state.base(Side.TINYPLUS));
      }
    }
    for (Map.Entry<String, SentWrite> write : sent.entrySet()) {
      n += write.getKey().length() + 128 + length(write.getValue().value());
    }
    return n;
  }

  private static int length(String value) {
    return value == null ? 4 : value.length() + 2;
  }

  /**
   * Reads a stored state.
   *
   * @param state the encoding
   * @return the state
   * @throws IllegalArgumentException when the text is not a pair state of this version
   */
  public static PairState decode(EncodedState state) {
    // read member by member into the typed model: a map per JSON object was much of a changed pair's cost
    checkVersion(state);
    StateJson.Reader in = new StateJson.Reader(state.text());
    TreeMap<String, FieldState> fields = new TreeMap<>();
    TreeMap<String, SentWrite> sent = new TreeMap<>();
    boolean hasFields = false;
    if (in.beginObject()) {
      do {
        String member = in.name();
        if (member.equals("fields")) {
          hasFields = true;
          fields.clear();
          readMembers(in, name -> fields.put(name, readField(in)));
        } else if (member.equals("sent")) {
          sent.clear();
          readMembers(in, name -> sent.put(name, readSent(in)));
        } else {
          in.read();
        }
      } while (in.more());
    }
    in.end();
    if (!hasFields) {
      throw noMember("fields");
    }
    return new PairState(fields, sent);
  }

  /** Reads an object's members, each value by {@code member} (given the member's name). */
  private static void readMembers(StateJson.Reader in, java.util.function.Consumer<String> member) {
    if (!in.atObject()) {
      throw notAnObject();
    }
    if (in.beginObject()) {
      do {
        member.accept(in.name());
      } while (in.more());
    }
  }

  private static FieldState readField(StateJson.Reader in) {
    String agreed = null;
    String synergy = null;
    String tinyPlus = null;
    boolean apart = false;
    boolean heldBack = false;
    boolean unsettled = false;
    if (!in.atObject()) {
      throw notAnObject();
    }
    if (in.beginObject()) {
      do {
        // the usual members are matched where they stand (no name made), the rest by name
        if (in.name("\"agreed\":")) {
          agreed = in.string();
          continue;
        }
        switch (in.name()) {
          case "agreed": agreed = in.string(); break;
          case "synergy": synergy = in.string(); apart = true; break;
          case "tinyPlus": tinyPlus = in.string(); break;
          case "heldBack": heldBack = Boolean.TRUE.equals(in.read()); break;
          case "unsettled": unsettled = Boolean.TRUE.equals(in.read()); break;
          default: in.read();
        }
      } while (in.more());
    }
    return heldBack ? FieldState.heldBack(agreed, synergy) : unsettled ? FieldState.unsettled(synergy, tinyPlus)
        : apart ? FieldState.apart(agreed, synergy, tinyPlus) : FieldState.agreed(agreed);
  }

  private static SentWrite readSent(StateJson.Reader in) {
    Object to = null;
    String value = null;
    String seen = null;
    String at = null;
    boolean missed = false;
    if (!in.atObject()) {
      throw notAnObject();
    }
    if (in.beginObject()) {
      do {
        switch (in.name()) {
          case "to": to = in.read(); break;
          case "value": value = in.string(); break;
          case "seen": seen = in.string(); break;
          case "at": at = in.string(); break;
          case "missed": missed = Boolean.TRUE.equals(in.read()); break;
          default: in.read();
        }
      } while (in.more());
    }
    Side target = "synergy".equals(to) ? Side.SYNERGY : "tinyPlus".equals(to) ? Side.TINYPLUS : null;
    if (target == null) {
      throw new IllegalArgumentException("Malformed engine state: a value sent names no side it was sent to");
    }
    return new SentWrite(target, value, seen == null ? null : Instant.parse(seen), Instant.parse(at), missed);
  }

  private static void checkVersion(EncodedState state) {
    if (state.version() != VERSION) {
      throw new IllegalArgumentException("Engine state of version " + state.version() + " is not known to this engine"
          + " (it reads version " + VERSION + "); run the engine version that wrote it");
    }
  }

  private static IllegalArgumentException noMember(String member) {
    return new IllegalArgumentException("Engine state has no '" + member + "' member; a store must keep the state's"
        + " text as the engine wrote it");
  }

  private static IllegalArgumentException notAnObject() {
    return new IllegalArgumentException("Malformed engine state: expected an object");
  }

  /** The document of a state of this version, with its {@code member}. */
  static Map<String, Object> read(EncodedState state, String member) {
    checkVersion(state);
    Map<String, Object> document = new StateJson.Reader(state.text()).document();
    if (!document.containsKey(member)) {
      throw noMember(member);
    }
    return document;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> members(Object value) {
    if (!(value instanceof Map)) {
      throw notAnObject();
    }
    return (Map<String, Object>) value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PairState && ((PairState) other).fields.equals(fields)
        && ((PairState) other).sent.equals(sent);
  }

  @Override
  public int hashCode() {
    return fields.hashCode() * 31 + sent.hashCode();
  }

  /** Names the fields only: values are people's data. */
  @Override
  public String toString() {
    return "PairState" + fields + (sent.isEmpty() ? "" : " sent" + sent);
  }
}
