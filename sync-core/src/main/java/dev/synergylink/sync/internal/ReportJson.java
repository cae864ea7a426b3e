package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.FlowCounts;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.FieldConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SyncReport} as the state store keeps it: versioned JSON text ({@code {"v":1,...}}), with no control
 * character, so it stores as-is in a text or {@code jsonb} column. A stop cause's exception is not kept: a report
 * read back carries an {@link IllegalStateException} holding the cause's message. Thread-safe (stateless).
 */
final class ReportJson {
  static final int VERSION = 1;

  private ReportJson() {}

  /** The report as text. */
  static EncodedState encode(SyncReport report) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("v", (long) VERSION);
    o.put("operation", report.operation().name());
    o.put("startedAt", report.startedAt().toString());
    o.put("finishedAt", report.finishedAt().toString());
    o.put("masterSwitchOff", report.masterSwitchOff());
    o.put("nextRunAdvisedAt", report.nextRunAdvisedAt() == null ? null : report.nextRunAdvisedAt().toString());
    o.put("synergyCallsLeftToday", report.synergyCallsLeftToday());
    o.put("stopCause", report.stopCause() == null ? null : cause(report.stopCause()));
    Map<String, Object> stopped = new LinkedHashMap<>();
    report.stoppedTypes().forEach((type, cause) -> stopped.put(type.name(), cause(cause)));
    o.put("stoppedTypes", stopped);
    o.put("counts", counts(report));
    o.put("problems", problems(report));
    o.put("conflicts", conflicts(report));
    Map<String, Object> calls = new LinkedHashMap<>();
    report.apiCalls().forEach((side, n) -> calls.put(side.name(), (long) n));
    o.put("apiCalls", calls);
    StringBuilder out = new StringBuilder();
    write(out, o);
    return EncodedState.of(out.toString());
  }

  private static List<Object> counts(SyncReport report) {
    List<Object> counts = new ArrayList<>();
    for (FlowCounts c : report.counts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("recordType", c.recordType().name());
      m.put("flow", c.flow().name());
      m.put("created", (long) c.created());
      m.put("linked", (long) c.linked());
      m.put("updated", (long) c.updated());
      m.put("unchanged", (long) c.unchanged());
      m.put("skipped", (long) c.skipped());
      m.put("failed", (long) c.failed());
      m.put("conflicts", (long) c.conflicts());
      m.put("orphaned", (long) c.orphaned());
      counts.add(m);
    }
    return counts;
  }

  private static List<Object> problems(SyncReport report) {
    List<Object> problems = new ArrayList<>();
    for (RecordEvent e : report.problems()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("recordType", e.recordType().name());
      m.put("flow", e.flow().name());
      m.put("outcome", e.outcome().name());
      m.put("synergyId", e.synergyId());
      m.put("tinyPlusId", e.tinyPlusId());
      m.put("fields", new ArrayList<Object>(e.fields()));
      m.put("field", e.field());
      m.put("message", e.message());
      m.put("deletedSide", e.deletedSide() == null ? null : e.deletedSide().name());
      problems.add(m);
    }
    return problems;
  }

  private static List<Object> conflicts(SyncReport report) {
    List<Object> conflicts = new ArrayList<>();
    for (ResolvedConflict r : report.conflicts()) {
      FieldConflict c = r.conflict();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("winner", r.winner().name());
      m.put("recordType", c.recordType().name());
      m.put("field", c.field());
      m.put("direction", c.direction().name());
      m.put("synergyId", c.synergyId());
      m.put("tinyPlusId", c.tinyPlusId());
      m.put("base", c.base());
      m.put("synergyValue", c.synergyValue());
      m.put("tinyPlusValue", c.tinyPlusValue());
      m.put("synergyModified", c.synergyModified().toString());
      m.put("tinyPlusModified", c.tinyPlusModified().toString());
      conflicts.add(m);
    }
    return conflicts;
  }

  /**
   * A report from its text.
   *
   * @throws IllegalArgumentException when the text is not a report this version reads
   */
  static SyncReport decode(EncodedState state) {
    if (state.version() != VERSION) {
      throw new IllegalArgumentException("a kept report has format version " + state.version() + "; this engine reads"
          + " version " + VERSION);
    }
    Map<String, Object> o = map(new Reader(state.text()).document());
    var report = SyncReport.builder()
        .operation(SyncReport.Operation.valueOf(str(o, "operation")))
        .startedAt(Instant.parse(str(o, "startedAt")))
        .finishedAt(Instant.parse(str(o, "finishedAt")))
        .masterSwitchOff(Boolean.TRUE.equals(o.get("masterSwitchOff")))
        .nextRunAdvisedAt(o.get("nextRunAdvisedAt") == null ? null : Instant.parse(str(o, "nextRunAdvisedAt")))
        .synergyCallsLeftToday((Long) o.get("synergyCallsLeftToday"))
        .stopCause(o.get("stopCause") == null ? null : cause(map(o.get("stopCause"))));
    Map<RecordType, StopCause> stopped = new EnumMap<>(RecordType.class);
    map(o.get("stoppedTypes")).forEach((type, cause) -> stopped.put(RecordType.valueOf(type), cause(map(cause))));
    report.stoppedTypes(stopped);
    for (Object item : list(o.get("counts"))) {
      Map<String, Object> m = map(item);
      report.addCounts(FlowCounts.builder().recordType(RecordType.valueOf(str(m, "recordType")))
          .flow(Flow.valueOf(str(m, "flow"))).created(num(m, "created")).linked(num(m, "linked"))
          .updated(num(m, "updated")).unchanged(num(m, "unchanged")).skipped(num(m, "skipped"))
          .failed(num(m, "failed")).conflicts(num(m, "conflicts")).orphaned(num(m, "orphaned")).build());
    }
    for (Object item : list(o.get("problems"))) {
      Map<String, Object> m = map(item);
      var event = RecordEvent.builder().recordType(RecordType.valueOf(str(m, "recordType")))
          .flow(Flow.valueOf(str(m, "flow"))).outcome(RecordOutcome.valueOf(str(m, "outcome")))
          .synergyId((Long) m.get("synergyId")).tinyPlusId((Long) m.get("tinyPlusId"))
          .field(str(m, "field")).message(str(m, "message"))
          .deletedSide(m.get("deletedSide") == null ? null : Side.valueOf(str(m, "deletedSide")));
      list(m.get("fields")).forEach(f -> event.addFields((String) f));
      report.addProblems(event.build());
    }
    for (Object item : list(o.get("conflicts"))) {
      Map<String, Object> m = map(item);
      report.addConflicts(ResolvedConflict.builder().winner(Side.valueOf(str(m, "winner")))
          .conflict(FieldConflict.builder().recordType(RecordType.valueOf(str(m, "recordType")))
              .field(str(m, "field")).direction(Direction.valueOf(str(m, "direction")))
              .synergyId((Long) m.get("synergyId")).tinyPlusId((Long) m.get("tinyPlusId"))
              .base(str(m, "base")).synergyValue(str(m, "synergyValue")).tinyPlusValue(str(m, "tinyPlusValue"))
              .synergyModified(Instant.parse(str(m, "synergyModified")))
              .tinyPlusModified(Instant.parse(str(m, "tinyPlusModified"))).build())
          .build());
    }
    Map<Side, Integer> calls = new EnumMap<>(Side.class);
    map(o.get("apiCalls")).forEach((side, n) -> calls.put(Side.valueOf(side), ((Long) n).intValue()));
    return report.apiCalls(calls).build();
  }

  private static Map<String, Object> cause(StopCause cause) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", cause.kind().name());
    m.put("side", cause.side() == null ? null : cause.side().name());
    m.put("message", cause.message());
    m.put("retryAt", cause.retryAt() == null ? null : cause.retryAt().toString());
    return m;
  }

  private static StopCause cause(Map<String, Object> m) {
    String message = str(m, "message");
    return StopCause.builder().kind(StopCause.Kind.valueOf(str(m, "kind")))
        .side(m.get("side") == null ? null : Side.valueOf(str(m, "side")))
        .message(message)
        .retryAt(m.get("retryAt") == null ? null : Instant.parse(str(m, "retryAt")))
        .exception(new IllegalStateException(message))
        .build();
  }

  private static String str(Map<String, Object> m, String key) {
    return (String) m.get(key);
  }

  private static int num(Map<String, Object> m, String key) {
    Object value = m.get(key);
    return value == null ? 0 : ((Long) value).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string(out, (String) value);
    } else if (value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        string(out, (String) entry.getKey());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        out.append(first ? "" : ",");
        first = false;
        write(out, item);
      }
      out.append(']');
    }
  }

  /**
   * Writes a JSON string. Every control character is escaped; U+0000 and a lone surrogate (which PostgreSQL's
   * {@code jsonb} and UTF-8 text columns refuse) become U+FFFD: a report is for people, not replayed.
   */
  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0 || Character.isLowSurrogate(c)
          || Character.isHighSurrogate(c) && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))) {
        out.append('\ufffd');
      } else if (Character.isHighSurrogate(c)) {
        out.append(c).append(value.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** Reads the JSON {@link #write} writes: objects, arrays, strings, integers, booleans and null. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    Object document() {
      Object value = value();
      if (at != text.length()) {
        throw malformed();
      }
      return value;
    }

    private Object value() {
      char c = peek();
      if (c == '{') {
        at++;
        Map<String, Object> object = new LinkedHashMap<>();
        if (peek() == '}') {
          at++;
          return object;
        }
        do {
          String name = string();
          expect(':');
          object.put(name, value());
        } while (next(','));
        expect('}');
        return object;
      }
      if (c == '[') {
        at++;
        List<Object> array = new ArrayList<>();
        if (peek() == ']') {
          at++;
          return array;
        }
        do {
          array.add(value());
        } while (next(','));
        expect(']');
        return array;
      }
      if (c == '"') {
        return string();
      }
      for (String word : new String[] {"null", "true", "false"}) {
        if (text.startsWith(word, at)) {
          at += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
        at++;
      }
      if (start == at) {
        throw malformed();
      }
      return Long.parseLong(text.substring(start, at));
    }

    private String string() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw malformed();
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
        } else if (text.charAt(at) == 'u') {
          value.append((char) Integer.parseInt(text.substring(at + 1, at + 5), 16));
          at += 5;
        } else {
          value.append(text.charAt(at++));
        }
      }
    }

    private boolean next(char c) {
      if (peek() == c) {
        at++;
        return true;
      }
      return false;
    }

    private char peek() {
      if (at >= text.length()) {
        throw malformed();
      }
      return text.charAt(at);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw malformed();
      }
      at++;
    }

    private IllegalArgumentException malformed() {
      return new IllegalArgumentException("a kept report is malformed at index " + at + "; a store must keep a"
          + " report's text as the engine wrote it");
    }
  }
}
