package dev.synergylink.sync.internal.state;

import dev.synergylink.sync.spi.EncodedState;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linked pair's merge base: each synced field's {@link FieldState}, by rule name. A field not named has no value
 * agreed. Encoded as {@code {"v":1,"fields":{"<rule>":{...}}}}: {@code {"agreed":V}} for an agreed field,
 * {@code {"agreed":V,"synergy":V,"tinyPlus":V}} for one apart, {@code {"agreed":V,"synergy":V,"heldBack":true}} for a
 * held-back one ({@code V} a string or null, see {@link StateJson}). Fields are written in name order, so equal states
 * encode to equal text. Immutable.
 */
public final class PairState {
  static final int VERSION = 1;
  private static final PairState EMPTY = new PairState(new TreeMap<>());

  private final Map<String, FieldState> fields;

  private PairState(TreeMap<String, FieldState> fields) {
    fields.values().removeIf(state -> state.equals(FieldState.agreed(null)));
    this.fields = Collections.unmodifiableMap(fields);
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
    return new PairState(new TreeMap<>(fields));
  }

  /**
   * A field's state.
   *
   * @param rule the rule name
   * @return its state; no value agreed when the field is not named
   */
  public FieldState field(String rule) {
    return fields.getOrDefault(rule, FieldState.agreed(null));
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
    return new PairState(copy);
  }

  /**
   * The encoded form to store.
   *
   * @return the encoding
   */
  public EncodedState encode() {
    StringBuilder out = new StringBuilder("{\"v\":" + VERSION + ",\"fields\":{");
    boolean first = true;
    for (Map.Entry<String, FieldState> field : fields.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      StateJson.string(out, field.getKey());
      FieldState state = field.getValue();
      out.append(":{\"agreed\":");
      StateJson.value(out, state.agreed());
      if (state.kind() != FieldState.Kind.AGREED) {
        out.append(",\"synergy\":");
        StateJson.value(out, state.base(dev.synergylink.sync.Side.SYNERGY));
        if (state.heldBack()) {
          out.append(",\"heldBack\":true");
        } else {
          out.append(",\"tinyPlus\":");
          StateJson.value(out, state.base(dev.synergylink.sync.Side.TINYPLUS));
        }
      }
      out.append('}');
    }
    return EncodedState.of(out.append("}}").toString());
  }

  /**
   * Reads a stored state.
   *
   * @param state the encoding
   * @return the state
   * @throws IllegalArgumentException when the text is not a pair state of this version
   */
  public static PairState decode(EncodedState state) {
    Map<String, Object> document = read(state, "fields");
    TreeMap<String, FieldState> fields = new TreeMap<>();
    for (Map.Entry<String, Object> field : members(document.get("fields")).entrySet()) {
      Map<String, Object> m = members(field.getValue());
      String agreed = StateJson.asString(m.get("agreed"));
      FieldState value;
      if (Boolean.TRUE.equals(m.get("heldBack"))) {
        value = FieldState.heldBack(agreed, StateJson.asString(m.get("synergy")));
      } else if (m.containsKey("synergy")) {
        value = FieldState.apart(agreed, StateJson.asString(m.get("synergy")), StateJson.asString(m.get("tinyPlus")));
      } else {
        value = FieldState.agreed(agreed);
      }
      fields.put(field.getKey(), value);
    }
    return new PairState(fields);
  }

  /** The document of a state of this version, with its {@code member}. */
  static Map<String, Object> read(EncodedState state, String member) {
    if (state.version() != VERSION) {
      throw new IllegalArgumentException("Engine state of version " + state.version() + " is not known to this engine"
          + " (it reads version " + VERSION + "); run the engine version that wrote it");
    }
    Map<String, Object> document = new StateJson.Reader(state.text()).document();
    if (!document.containsKey(member)) {
      throw new IllegalArgumentException("Engine state has no '" + member + "' member; a store must keep the state's"
          + " text as the engine wrote it");
    }
    return document;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> members(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("Malformed engine state: expected an object");
    }
    return (Map<String, Object>) value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PairState && ((PairState) other).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  /** Names the fields only: values are people's data. */
  @Override
  public String toString() {
    return "PairState" + fields;
  }
}
