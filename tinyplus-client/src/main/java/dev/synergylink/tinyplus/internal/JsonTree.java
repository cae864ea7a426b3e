package dev.synergylink.tinyplus.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.synergylink.tinyplus.Address;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.TeamMemberStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads JSON into plain trees (maps, lists, strings, {@link BigDecimal} numbers, booleans, null) without losing
 * precision, and writes request members with explicit nulls.
 */
final class JsonTree {
  /**
   * The longest number text that is parsed: no number either system holds comes near it, and parsing a number of
   * thousands of digits costs time. A longer number is kept as a {@link LongNumber} for the reader to refuse.
   */
  static final int MAX_NUMBER_LENGTH = 100;

  /** A number whose text is longer than {@link #MAX_NUMBER_LENGTH}: kept unparsed, refused where it is read. */
  record LongNumber(int length) {}

  private JsonTree() {}

  /**
   * Reads a JSON document.
   *
   * @throws IOException when it is not JSON, has data after the value, or nests deeper than the reader allows
   */
  static Object read(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    try {
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException("data after the JSON value at " + reader.getPath());
      }
      return value;
    } catch (JsonDataException e) {
      // Moshi's own limit (nesting deeper than 255 levels) is unchecked; it is malformed input like any other
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), readValue(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY: {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(readValue(reader));
        }
        reader.endArray();
        return list;
      }
      case STRING:
        return reader.nextString();
      case NUMBER: {
        String number = reader.nextString();
        return number.length() > MAX_NUMBER_LENGTH ? new LongNumber(number.length()) : new BigDecimal(number);
      }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /** Writes members as a JSON object; null values are written as {@code null}. */
  static String write(Map<String, Object> members) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeValue(writer, members);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return buffer.readUtf8();
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        writer.name((String) e.getKey());
        writeValue(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<?>) value) {
        writeValue(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof BigDecimal) {
      // plain digits: a negative scale would print as 1E+3, which not every server reads
      writer.value(new BigDecimal(((BigDecimal) value).toPlainString()));
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else if (value instanceof Address) {
      writeValue(writer, addressMembers((Address) value));
    } else if (value instanceof ProjectState) {
      writer.value(((ProjectState) value).wireName());
    } else if (value instanceof RecordStatus) {
      writer.value(((RecordStatus) value).wireName());
    } else if (value instanceof TeamMemberStatus) {
      writer.value(((TeamMemberStatus) value).wireName());
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as a tiny+ member");
    }
  }

  /** An address as the API's object: every part, null for an empty one. */
  static Map<String, Object> addressMembers(Address address) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("street", address.street());
    map.put("suburb", address.suburb());
    map.put("state", address.state());
    map.put("postcode", address.postcode());
    map.put("country", address.country());
    return map;
  }
}
