package dev.synergylink.sync.internal.state;

import dev.synergylink.sync.spi.EncodedState;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a create sent, by rule name (raw, as the original held them; empty values left out), kept on its intent
 * so that a copy found later is merged with its original against them. Encoded as
 * {@code {"v":1,"values":{"<rule>":V}}}. Immutable.
 */
public final class SentValues {
  private final Map<String, String> values;

  private SentValues(TreeMap<String, String> values) {
    values.values().removeIf(java.util.Objects::isNull);
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Values sent.
   *
   * @param values by rule name; null values are left out
   * @return the values
   */
  public static SentValues of(Map<String, String> values) {
    return new SentValues(new TreeMap<>(values));
  }

  /**
   * The values, by rule name.
   *
   * @return the values, unmodifiable
   */
  public Map<String, String> values() {
    return values;
  }

  /**
   * The encoded form to store.
   *
   * @return the encoding
   */
  public EncodedState encode() {
    StringBuilder out = new StringBuilder("{\"v\":" + PairState.VERSION + ",\"values\":{");
    boolean first = true;
    for (Map.Entry<String, String> value : values.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      StateJson.string(out, value.getKey());
      out.append(':');
      StateJson.value(out, value.getValue());
    }
    return EncodedState.of(out.append("}}").toString());
  }

  /**
   * Reads stored values.
   *
   * @param state the encoding
   * @return the values
   * @throws IllegalArgumentException when the text is not sent values of this version
   */
  public static SentValues decode(EncodedState state) {
    Map<String, Object> document = PairState.read(state, "values");
    TreeMap<String, String> values = new TreeMap<>();
    PairState.members(document.get("values")).forEach((name, value) -> values.put(name, StateJson.asString(value)));
    return new SentValues(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SentValues && ((SentValues) other).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Names the fields only: values are people's data. */
  @Override
  public String toString() {
    return "SentValues" + values.keySet();
  }
}
