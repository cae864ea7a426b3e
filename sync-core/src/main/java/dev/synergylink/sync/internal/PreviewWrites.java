package dev.synergylink.sync.internal;

import dev.synergylink.sync.FieldChange;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The writes a preview would have sent, kept instead of sent: per record the members set, with the value the record
 * held and the value it would hold, and the record as it would read after the write, so that the engine goes on as
 * after a real write. A created record gets a placeholder id, below zero. Records are built from the client models'
 * Immutables builders: a member whose name, in camel case, is an attribute of the record is set on it (the contracts
 * name the members as the models name their attributes); another member (a create-only {@code initialFee}) is kept
 * in the changes and left off the record. Not thread-safe: one preview runs on one thread.
 */
final class PreviewWrites {
  private final Clock clock;
  /** Each record as last read: the base of a patch and its old values. */
  private final Map<String, Object> seen = new HashMap<>();
  /** Each record as first read: how a match was found, before any write of the preview. */
  private final Map<String, Object> first = new HashMap<>();
  private final Map<String, Object> written = new HashMap<>();
  private final Map<String, Map<String, FieldChange>> changes = new LinkedHashMap<>();
  private long lastPlaceholder;

  PreviewWrites(Clock clock) {
    this.clock = clock;
  }

  /** Whether an id is one this preview gave a record it would create. */
  static boolean placeholder(long id) {
    return id < 0;
  }

  /** Keeps a record as read; a record this preview wrote reads as written. */
  <R> R read(RecordType type, Side side, long id, R record) {
    String key = key(type, side, id);
    @SuppressWarnings("unchecked")
    R after = (R) written.get(key);
    if (after != null) {
      return after;
    }
    seen.put(key, record);
    first.putIfAbsent(key, record);
    return record;
  }

  /** Keeps the records of a page as read. */
  <R> void read(RecordType type, Side side, Collection<R> records, java.util.function.ToLongFunction<R> id) {
    for (R record : records) {
      String key = key(type, side, id.applyAsLong(record));
      if (!written.containsKey(key)) {
        seen.put(key, record);
        first.putIfAbsent(key, record);
      }
    }
  }

  /** The record written by this preview, or read by it, or null. */
  Object known(RecordType type, Side side, long id) {
    String key = key(type, side, id);
    Object after = written.get(key);
    return after != null ? after : seen.get(key);
  }

  /** The record as this preview first read it, before any write of its own, or null. */
  Object before(RecordType type, Side side, long id) {
    return first.get(key(type, side, id));
  }

  /**
   * A create kept: the record as it would read, from a builder holding what the system would fill in itself.
   *
   * @param builder an Immutables builder of the record with its required attributes filled
   * @param members the request's members, by the contract's names
   * @return the record, with a placeholder id
   */
  <R> R create(RecordType type, Side side, Object builder, Map<String, Object> members, Class<R> model) {
    long id = --lastPlaceholder;
    Instant now = clock.instant();
    set(builder, "id", id);
    set(builder, "createdDate", now);
    set(builder, "modifiedDate", now);
    Map<String, FieldChange> kept = changes.computeIfAbsent(key(type, side, id), k -> new LinkedHashMap<>());
    members.forEach((name, value) -> {
      set(builder, attribute(name), value);
      kept.put(name, FieldChange.builder().side(side).field(name).oldValue(null).newValue(text(value)).build());
    });
    R created = model.cast(invoke(builder, "build"));
    written.put(key(type, side, id), created);
    return created;
  }

  /**
   * A patch kept: the record as it would read after it.
   *
   * @param current the record before the patch
   * @param builder an Immutables builder filled from {@code current}
   * @param members the request's members, by the contract's names
   * @return the record after the patch, with a later modified time
   */
  <R> R patch(RecordType type, Side side, long id, R current, Object builder, Map<String, Object> members,
      Class<R> model) {
    String key = key(type, side, id);
    Map<String, FieldChange> kept = changes.computeIfAbsent(key, k -> new LinkedHashMap<>());
    Object before = seen.getOrDefault(key, current);
    members.forEach((name, value) -> {
      set(builder, attribute(name), value);
      FieldChange earlier = kept.get(name);
      String old = earlier != null ? earlier.oldValue() : text(get(before, attribute(name)));
      kept.put(name, FieldChange.builder().side(side).field(name).oldValue(old).newValue(text(value)).build());
    });
    Instant modified = clock.instant();
    Object was = get(current, "modifiedDate");
    if (was instanceof Instant && !modified.isAfter((Instant) was)) {
      modified = ((Instant) was).plusSeconds(1); // a write always moves the modified time on
    }
    set(builder, "modifiedDate", modified);
    R after = model.cast(invoke(builder, "build"));
    written.put(key, after);
    return after;
  }

  /**
   * The members this preview would set on one record, a member set twice shown once (its first old value, its last
   * new value); a member set to the value it holds already is left out.
   */
  List<FieldChange> changes(RecordType type, Side side, long id) {
    Map<String, FieldChange> kept = changes.get(key(type, side, id));
    List<FieldChange> list = new ArrayList<>();
    if (kept != null) {
      kept.values().stream().filter(c -> placeholder(id) || !Objects.equals(c.oldValue(), c.newValue()))
          .forEach(list::add);
    }
    return list;
  }

  /** A member's value as a person reads it. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Enum) {
      Object wire = get(value, "wireName");
      return wire != null ? wire.toString() : ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
    }
    if (value instanceof Collection) {
      return String.join(", ", ((Collection<?>) value).stream().map(PreviewWrites::text).map(String::valueOf)
          .toArray(String[]::new));
    }
    if (value.getClass().getSimpleName().endsWith("Address")) {
      List<String> parts = new ArrayList<>();
      for (String part : List.of("street", "suburb", "state", "postcode", "country")) {
        Object v = get(value, part);
        if (v != null && !v.toString().isBlank()) {
          parts.add(v.toString());
        }
      }
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
    return value.toString();
  }

  /** The model attribute of a member: {@code office_phone} is {@code officePhone}; camel-case names stay. */
  static String attribute(String member) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : member.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** Sets an attribute on a builder; an attribute the builder lacks, or a value it does not take, is left off. */
  private static void set(Object builder, String attribute, Object value) {
    for (Method method : builder.getClass().getMethods()) {
      if (!method.getName().equals(attribute) || method.getParameterCount() != 1) {
        continue;
      }
      Class<?> type = wrap(method.getParameterTypes()[0]);
      if (value == null ? !method.getParameterTypes()[0].isPrimitive() && !Iterable.class.isAssignableFrom(type)
          : type.isInstance(value)) {
        try {
          method.invoke(builder, value);
          return;
        } catch (IllegalAccessException | InvocationTargetException e) {
          return; // a value the model refuses: the record keeps the value it had
        }
      }
    }
  }

  private static Object get(Object record, String attribute) {
    if (record == null) {
      return null;
    }
    try {
      return record.getClass().getMethod(attribute).invoke(record);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static Object invoke(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("a preview could not make the record a write would give: "
          + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("a preview could not make the record a write would give", e);
    }
  }

  private static Class<?> wrap(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == int.class) {
      return Integer.class;
    }
    return type == double.class ? Double.class : type;
  }

  private static String key(RecordType type, Side side, long id) {
    return type + "/" + side + "/" + id;
  }
}
