package dev.synergylink.sync.testkit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows by id, each with the versions a lagging replica may still show. A version with null data is a (hard)
 * delete. Rows are unmodifiable maps; copy one to change it. Not thread-safe: its fake locks.
 */
final class VersionedTable {
  private record Version(Instant at, Map<String, Object> data) {}

  private final TreeMap<Long, ArrayDeque<Version>> rows = new TreeMap<>();

  /** The primary's row, or null when absent or deleted. */
  Map<String, Object> current(long id) {
    ArrayDeque<Version> versions = rows.get(id);
    return versions == null ? null : versions.getLast().data();
  }

  /** Whether the id was ever used, deleted or not. */
  boolean contains(long id) {
    return rows.containsKey(id);
  }

  /** Stores a new version; keeps only the versions a replica at {@code horizon} or later may still show. */
  void put(long id, Instant at, Map<String, Object> data, Instant horizon) {
    ArrayDeque<Version> versions = rows.computeIfAbsent(id, k -> new ArrayDeque<>());
    versions.addLast(new Version(at, data == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(data))));
    while (versions.size() > 1) {
      Iterator<Version> it = versions.iterator();
      it.next();
      if (it.next().at().isAfter(horizon)) {
        break;
      }
      versions.removeFirst();
    }
  }

  /** The primary's rows, by id, without deleted ones. */
  List<Map<String, Object>> currentRows() {
    List<Map<String, Object>> result = new ArrayList<>();
    for (ArrayDeque<Version> versions : rows.values()) {
      Map<String, Object> data = versions.getLast().data();
      if (data != null) {
        result.add(data);
      }
    }
    return result;
  }

  /** The rows as a replica showing the writes made up to and including {@code replicaTime} sees them, by id. */
  List<Map<String, Object>> rowsAsOf(Instant replicaTime) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (ArrayDeque<Version> versions : rows.values()) {
      Map<String, Object> seen = null;
      for (Version v : versions) {
        if (v.at().isAfter(replicaTime)) {
          break;
        }
        seen = v.data();
      }
      if (seen != null) {
        result.add(seen);
      }
    }
    return result;
  }
}
