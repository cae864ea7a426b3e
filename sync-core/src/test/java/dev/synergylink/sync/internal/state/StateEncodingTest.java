package dev.synergylink.sync.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Normaliser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateEncodingTest {
  private static final java.time.Instant AT = java.time.Instant.parse("2026-11-28T01:00:00Z");

  /** Values that are hard to encode: quotes, backslashes, every control character, non-BMP, lone surrogates. */
  private static final List<String> HARD = List.of(
      "", " ", "plain", "quote \" and backslash \\ and slash /", "line\nbreak\r\ttab",
      "nul \u0000 inside", "\u0000", "\u0000pending", "bell \u0007 esc \u001b del \u007f",
      "emoji \uD83D\uDE00 and math \uD835\uDD38", "lone high \uD83D", "lone low \uDE00 here", "\\u0000 spelt out",
      "{\"v\":1}", "null", "unicode ü é 中文");

  @Test
  void pairStateRoundTripsEveryKindWithHardValues() {
    Map<String, FieldState> fields = new HashMap<>();
    int i = 0;
    for (String value : HARD) {
      fields.put("agreed" + i, FieldState.agreed(value));
      fields.put("apart" + i, FieldState.apart(value, "s" + value, value + "t"));
      fields.put("apartEmpty" + i, FieldState.apart(null, value, null));
      fields.put("held" + i, FieldState.heldBack(value, null));
      fields.put("unsettled" + i, FieldState.unsettled(value, value + "t"));
      fields.put("unsettledOneSide" + i, FieldState.unsettled(null, value));
      i++;
    }
    fields.put("a \"quoted\" rule\\name", FieldState.agreed("x"));
    PairState state = PairState.of(fields);

    EncodedState encoded = state.encode();

    assertStorable(encoded);
    assertThat(PairState.decode(EncodedState.of(encoded.text()))).isEqualTo(state);
    assertThat(encoded.version()).isEqualTo(1);
    assertThat(encoded.text()).startsWith("{\"v\":1,\"fields\":{");
  }

  @Test
  void valuesSentRoundTripWithHardValues() {
    Map<String, SentWrite> sent = new HashMap<>();
    int i = 0;
    for (String value : HARD) {
      sent.put("sent" + i, new SentWrite(i % 2 == 0 ? Side.SYNERGY : Side.TINYPLUS, value, null, AT));
      i++;
    }
    sent.put("none", new SentWrite(Side.TINYPLUS, null, AT.minusSeconds(5), AT));
    PairState state = PairState.of(Map.of("agreed", FieldState.agreed("x")), sent);

    EncodedState encoded = state.encode();

    assertStorable(encoded);
    assertThat(PairState.decode(EncodedState.of(encoded.text()))).isEqualTo(state);
    assertThat(PairState.decode(encoded).sent()).isEqualTo(sent);
    assertThat(PairState.of(Map.of("agreed", FieldState.agreed("x"))).encode().text()).doesNotContain("sent");
  }

  @Test
  void aValueSentSettlesAgainstTheTargetThatWasRead() {
    Normaliser trimmed = value -> value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    PairState state = PairState.of(
        Map.of("name", FieldState.agreed("Old"), "phone", FieldState.agreed("1"), "fax", FieldState.agreed("5"),
            "email", FieldState.agreed("a@x"), "mobile", FieldState.agreed("7")),
        Map.of("name", new SentWrite(Side.SYNERGY, "New", null, AT),
            "phone", new SentWrite(Side.SYNERGY, "2", null, AT),
            "fax", new SentWrite(Side.SYNERGY, "6", null, AT),
            "mobile", new SentWrite(Side.SYNERGY, "8", null, AT),
            "email", new SentWrite(Side.TINYPLUS, "b@x", null, AT),
            "gone", new SentWrite(Side.SYNERGY, "z", null, AT)));
    Map<String, Normaliser> rules = Map.of("name", trimmed, "phone", trimmed, "fax", trimmed, "email", trimmed,
        "mobile", trimmed);

    // Synergy read: it took the name (as it holds it); it holds its old fax (not taken); its phone and mobile were
    // changed since (taken or not, nobody can tell); tiny+ read too, except for the email's target
    PairState settled = state.settleSent(Map.of("name", " NEW", "phone", "3", "fax", "5", "mobile", "9"),
        Map.of("name", "New", "phone", "2", "fax", "6", "mobile", "7"), side -> AT, rules::get);

    assertThat(settled.field("name")).isEqualTo(FieldState.agreed(" NEW"));
    assertThat(settled.field("fax")).isEqualTo(FieldState.agreed("5"));
    // both sides read as changed, so the merge settles the two values as a conflict
    assertThat(settled.field("phone")).isEqualTo(FieldState.apart("1", "1", "1"));
    assertThat(settled.field("mobile")).isEqualTo(FieldState.apart("7", "7", "8"));
    for (String rule : List.of("phone", "mobile")) {
      FieldState field = settled.field(rule);
      assertThat(field.changed(Side.SYNERGY, trimmed, rule.equals("phone") ? "3" : "9")).isTrue();
      assertThat(field.changed(Side.TINYPLUS, trimmed, rule.equals("phone") ? "2" : "7")).isTrue();
    }
    assertThat(settled.sent()).isEmpty();
    assertThat(settled.field("email")).isEqualTo(FieldState.apart("a@x", "b@x", "a@x"));

    // a value sent to a side not read waits; one of a rule no longer synced is dropped
    PairState waiting = state.settleSent(Map.of("name", "New"), null, side -> null, rules::get);
    assertThat(waiting.sent()).containsOnlyKeys("email");
    assertThat(waiting.sentTo(Side.TINYPLUS)).isTrue();
    assertThat(waiting.sentTo(Side.SYNERGY)).isFalse();
  }

  @Test
  void aTargetUntouchedSinceTheVersionSeenDidNotTakeTheWriteAndOneTouchedHoldingItsOldBaseIsAConflict() {
    Normaliser plain = value -> value;
    java.time.Instant seen = AT.minusSeconds(30);
    PairState state = PairState.of(Map.of("name", FieldState.agreed("Old")),
        Map.of("name", new SentWrite(Side.TINYPLUS, "New", seen, AT)));

    PairState untouched = state.settleSent(Map.of("name", "New"), Map.of("name", "Old"), side -> seen, r -> plain);
    PairState touched = state.settleSent(Map.of("name", "New"), Map.of("name", "Old"),
        side -> side == Side.TINYPLUS ? AT : seen, r -> plain);
    PairState sameSecond = PairState.of(Map.of("name", FieldState.agreed("Old")),
        Map.of("name", new SentWrite(Side.TINYPLUS, "New", AT.minusMillis(400), AT)))
        .settleSent(Map.of("name", "New"), Map.of("name", "New"), side -> AT.minusMillis(400), r -> plain);

    assertThat(untouched.field("name")).isEqualTo(FieldState.agreed("Old"));
    assertThat(untouched.sent()).isEmpty();
    // taken and then set back, or not taken and changed otherwise: both sides read as changed
    assertThat(touched.field("name").changed(Side.TINYPLUS, plain, "Old")).isTrue();
    assertThat(touched.field("name").changed(Side.SYNERGY, plain, "New")).isTrue();
    // a version seen in the second the write was sent cannot tell: the target holding the value took it
    assertThat(sameSecond.field("name")).isEqualTo(FieldState.agreed("New"));
  }

  @Test
  void emptyValueIsNotAbsentValue() {
    PairState state = PairState.of(Map.of("empty", FieldState.agreed(""), "apart", FieldState.apart("", null, "")));

    PairState decoded = PairState.decode(state.encode());

    assertThat(decoded.field("empty").agreed()).isEmpty();
    assertThat(decoded.field("missing").agreed()).isNull();
    assertThat(decoded.field("apart").agreed()).isEmpty();
    assertThat(decoded.field("apart").base(Side.SYNERGY)).isNull();
    assertThat(decoded.field("apart").base(Side.TINYPLUS)).isEmpty();
  }

  @Test
  void heldBackTinyPlusBaseDiffersFromEveryValue() {
    FieldState held = PairState.decode(PairState.of(Map.of("status", FieldState.heldBack("1", "2"))).encode())
        .field("status");

    assertThat(held.heldBack()).isTrue();
    assertThat(held.base(Side.SYNERGY)).isEqualTo("2");
    assertThat(held.changed(Side.TINYPLUS, v -> v, null)).isTrue();
    assertThat(held.changed(Side.TINYPLUS, v -> v, "2")).isTrue();
    assertThat(held.changed(Side.SYNERGY, v -> v, "2")).isFalse();
  }

  @Test
  void equalStatesEncodeToEqualText() {
    Map<String, FieldState> a = new HashMap<>();
    a.put("b", FieldState.agreed("2"));
    a.put("a", FieldState.agreed("1"));
    a.put("none", FieldState.agreed(null));

    assertThat(PairState.of(a).encode()).isEqualTo(PairState.of(Map.of("a", FieldState.agreed("1"), "b",
        FieldState.agreed("2"))).encode());
  }

  @Test
  void sentValuesRoundTripWithHardValues() {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < HARD.size(); i++) {
      values.put("f" + i, HARD.get(i));
    }
    values.put("absent", null);
    SentValues sent = SentValues.of(values);

    EncodedState encoded = sent.encode();

    assertStorable(encoded);
    values.remove("absent");
    assertThat(SentValues.decode(EncodedState.of(encoded.text())).values()).isEqualTo(values);
  }

  @Test
  void theInstantsOfAValueSentAreWrittenAsInstantWritesThemAndReadBack() {
    List<java.time.Instant> instants = new java.util.ArrayList<>(List.of(java.time.Instant.EPOCH,
        java.time.Instant.parse("0000-01-01T00:00:00Z"), java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"),
        java.time.Instant.parse("+10000-01-01T00:00:00Z"), java.time.Instant.parse("-0001-12-31T23:59:59Z"),
        java.time.Instant.parse("1969-12-31T23:59:59.5Z"), java.time.Instant.parse("2024-02-29T12:00:00.000001Z"),
        java.time.Instant.parse("2026-11-28T01:02:03.000000007Z"), java.time.Instant.parse("2026-11-28T01:02:03.12Z")));
    long seed = Long.getLong("encoding.seed", System.nanoTime());
    System.out.println("instants drawn with -Dencoding.seed=" + seed);
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 2000; i++) {
      long second = random.nextLong() % 253_402_300_800L; // years -6000 to 9999
      int[] nanos = {0, random.nextInt(1000) * 1_000_000, random.nextInt(1_000_000) * 1000,
          random.nextInt(1_000_000_000)};
      instants.add(java.time.Instant.ofEpochSecond(second, nanos[random.nextInt(nanos.length)]));
    }
    for (java.time.Instant instant : instants) {
      PairState state = PairState.of(Map.of(), Map.of("f", new SentWrite(Side.SYNERGY, "v", instant, instant)));

      String text = state.encode().text();

      assertThat(text).contains("\"seen\":\"" + instant + "\",\"at\":\"" + instant + "\"");
      assertThat(PairState.decode(EncodedState.of(text))).isEqualTo(state);
    }
  }

  @Test
  void anotherVersionIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> PairState.decode(EncodedState.of("{\"v\":2,\"fields\":{}}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
    assertThatThrownBy(() -> PairState.decode(EncodedState.of("{\"v\":1,\"values\":{}}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fields'");
  }

  @Test
  void toStringShowsNoValue() {
    PairState state = PairState.of(Map.of("email", FieldState.agreed("secret@example.com")));

    assertThat(state.toString()).doesNotContain("secret");
    assertThat(SentValues.of(Map.of("email", "secret@example.com")).toString()).doesNotContain("secret");
  }

  /** Storable as-is in PostgreSQL text and jsonb: no control char, no NUL escape, no lone surrogate. */
  private static void assertStorable(EncodedState encoded) {
    String text = encoded.text();
    assertThat(text.chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++; // the escaped char: a \\u0000 escape is the one jsonb refuses
        assertThat(text.startsWith("u0000", i)).as("NUL escape at %d", i).isFalse();
      }
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(Character.isLowSurrogate(text.charAt(++i))).as("surrogate pair at %d", i).isTrue();
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
    assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).isNotEmpty();
  }

  @Test
  void aValueSentToAPairNeverMergedIsAgreedOnlyOnceTheTargetHoldsIt() {
    Normaliser plain = value -> value;
    PairState state = PairState.of(
        Map.of("phone", FieldState.unsettled("1", "2"), "mobile", FieldState.unsettled("7", "8")),
        Map.of("phone", new SentWrite(Side.TINYPLUS, "1", null, AT),
            "mobile", new SentWrite(Side.TINYPLUS, "7", null, AT)));

    // tiny+ took the phone; whether it took the mobile nobody can tell, and it holds its own value
    PairState settled = state.settleSent(Map.of("phone", "1", "mobile", "7"), Map.of("phone", "1", "mobile", "8"),
        side -> AT.plusSeconds(5), Map.of("phone", plain, "mobile", plain)::get);

    assertThat(settled.field("phone")).isEqualTo(FieldState.agreed("1"));
    // still unsettled: both values read as changes, for the next merge to settle (never two bases left apart)
    assertThat(settled.field("mobile")).isEqualTo(FieldState.unsettled("7", "8"));
    assertThat(settled.sent()).isEmpty();
  }
}
