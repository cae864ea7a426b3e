package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.internal.state.SentValues;
import dev.synergylink.sync.spi.EncodedState;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interim, test-side only: the simulation's {@code World} still reads the engine's state through the old snapshot map
 * ({@code rule}, {@code rule@synergy}, {@code rule@tinyplus}; U+0000 for "no value", U+0000 "pending" for a held-back
 * tiny+ base). The engine no longer has that map: this view is built from its typed {@link PairState} and
 * {@link SentValues}. It goes once {@code World} keeps its own model and reads no engine state.
 */
public final class SnapshotCodec {
  private SnapshotCodec() {}

  /**
   * The old map view of a pair's state or of a create's sent values.
   *
   * @param state the encoded state
   * @return the map
   */
  public static Map<String, String> decode(EncodedState state) {
    if (state.text().startsWith("{\"v\":1,\"values\":")) {
      return SentValues.decode(state).values();
    }
    Map<String, String> map = new TreeMap<>();
    PairState.decode(state).fields().forEach((name, field) -> {
      if (field.agreed() != null) {
        map.put(name, field.agreed());
      }
      if (field.kind() != FieldState.Kind.AGREED) {
        map.put(name + "@synergy", orNoValue(field.base(Side.SYNERGY)));
        map.put(name + "@tinyplus", field.heldBack() ? "\u0000pending" : orNoValue(field.base(Side.TINYPLUS)));
      }
    });
    return map;
  }

  private static String orNoValue(String value) {
    return value == null ? "\u0000" : value;
  }
}
