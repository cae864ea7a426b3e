package dev.synergylink.synergy.internal;

import com.squareup.moshi.JsonWriter;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.ContactType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import okio.Buffer;

/**
 * Writes the members of a create or patch request as a JSON object: exactly the members that were set, a
 * cleared member as {@code null}. An address is written whole, every line, so that it replaces the stored one.
 */
final class MemberJson {
  private MemberJson() {}

  static String write(Map<String, Object> members) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writer.beginObject();
      for (Map.Entry<String, Object> member : members.entrySet()) {
        writer.name(member.getKey());
        value(writer, member.getKey(), member.getValue());
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer never fails
    }
    return buffer.readUtf8();
  }

  private static void value(JsonWriter writer, String name, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof BigDecimal) {
      writer.value(new PlainNumber((BigDecimal) value));
    } else if (value instanceof Long || value instanceof Integer) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof ContactType) {
      writer.value(((ContactType) value).wireName());
    } else if (value instanceof Address) {
      Address address = (Address) value;
      writer.beginObject();
      writer.name("address1").value(address.address1());
      writer.name("address2").value(address.address2());
      writer.name("town").value(address.town());
      writer.name("state").value(address.state());
      writer.name("zipCode").value(address.zipCode());
      writer.name("country").value(address.country());
      writer.endObject();
    } else {
      throw new IllegalArgumentException("member '" + name + "' has a value of unsupported type "
          + value.getClass().getName());
    }
  }

  /** A decimal that JSON writes in plain notation, never {@code 1E+3}. */
  private static final class PlainNumber extends Number {
    private final BigDecimal value;

    PlainNumber(BigDecimal value) {
      this.value = value;
    }

    @Override
    public int intValue() {
      return value.intValue();
    }

    @Override
    public long longValue() {
      return value.longValue();
    }

    @Override
    public float floatValue() {
      return value.floatValue();
    }

    @Override
    public double doubleValue() {
      return value.doubleValue();
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }
}
