package dev.synergylink.sync.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fake's records in a file, for a demo that carries on in its next run. The rows are plain JDK values (strings,
 * numbers, instants, maps and lists), so Java serialization writes them as they are; reading accepts nothing but
 * {@code java.*} value types, so a file that is not one of these cannot run code. Written to a temporary file first
 * and moved into place, so a run killed while saving leaves the last good file.
 */
final class FakeDataFile {
  private static final String KIND = "kind";
  private static final String DATA = "data";

  private FakeDataFile() {}

  static void write(Path file, String kind, Map<String, Object> data) {
    Objects.requireNonNull(file, "file == null");
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(KIND, kind);
    content.put(DATA, data);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try (OutputStream bytes = Files.newOutputStream(temporary);
          ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(content);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the fake's records to " + file, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file, String kind) {
    Objects.requireNonNull(file, "file == null");
    Object content;
    try (InputStream bytes = Files.newInputStream(file); ObjectInputStream in = new ObjectInputStream(bytes)) {
      in.setObjectInputFilter(FakeDataFile::onlyJdkValues);
      content = in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException(file + " is not a file saved by saveData of a fake (" + e.getMessage()
          + "); delete it to start over", e);
    }
    if (!(content instanceof Map) || !kind.equals(((Map<String, Object>) content).get(KIND))) {
      throw new IllegalArgumentException(file + " does not hold the records of a " + kind
          + " (saved by another fake or another version?); delete it to start over");
    }
    return (Map<String, Object>) ((Map<String, Object>) content).get(DATA);
  }

  private static ObjectInputFilter.Status onlyJdkValues(ObjectInputFilter.FilterInfo info) {
    Class<?> type = info.serialClass();
    while (type != null && type.isArray()) {
      type = type.getComponentType();
    }
    if (type == null || type.isPrimitive()) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    String name = type.getName();
    boolean jdkValue = name.startsWith("java.lang.") || name.startsWith("java.util.")
        || name.startsWith("java.math.") || name.startsWith("java.time.");
    return jdkValue ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  }
}
