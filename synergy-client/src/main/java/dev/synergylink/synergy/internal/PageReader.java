package dev.synergylink.synergy.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.UndecodableRecord;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Reads a list page ({@code {items, totalItems}}) record by record: an item that cannot be read becomes an
 * {@link UndecodableRecord} (its id when readable, the member at fault, a reason that never quotes a value) and the
 * others are read as usual. Only an envelope that breaks the contract (not JSON, no {@code items} or
 * {@code totalItems}) fails the whole page.
 */
final class PageReader {
  private PageReader() {}

  /** A reader of pages of {@code itemAdapter}'s type, mapped to the model by {@code map}. */
  static <W, T> BodyReader<Page<T>> of(JsonAdapter<W> itemAdapter, Function<W, T> map) {
    JsonAdapter<Long> totalAdapter = Wire.MOSHI.adapter(Long.class);
    return body -> {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      List<T> items = null;
      List<UndecodableRecord> undecodable = new ArrayList<>();
      Long total = null;
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals("items") && reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
          items = new ArrayList<>();
          reader.beginArray();
          for (int index = 0; reader.hasNext(); index++) {
            T item = item(reader, itemAdapter, map, index, undecodable);
            if (item != null) {
              items.add(item);
            }
            reader.skipValue();
          }
          reader.endArray();
        } else if (name.equals("totalItems")) {
          total = totalAdapter.fromJson(reader);
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
      return Page.of(Wire.required(items, "items"), Wire.required(total, "totalItems"), undecodable);
    };
  }

  /** One item, read from a peek at the reader; null (and an entry in {@code undecodable}) when it cannot be read. */
  private static <W, T> T item(JsonReader reader, JsonAdapter<W> adapter, Function<W, T> map, int index,
      List<UndecodableRecord> undecodable) throws IOException {
    try {
      return map.apply(adapter.fromJson(reader.peekJson()));
    } catch (JsonEncodingException e) {
      throw e; // not JSON at all: the page is unreadable
    } catch (WireFault e) {
      undecodable.add(undecodable(reader, index, e.member(), e.getMessage()));
    } catch (JsonDataException e) {
      if (e.getCause() instanceof WireFault) { // Moshi wraps what an adapter method throws
        WireFault fault = (WireFault) e.getCause();
        undecodable.add(undecodable(reader, index, fault.member(), fault.getMessage()));
        return null;
      }
      String member = memberOf(e.getMessage());
      undecodable.add(undecodable(reader, index, member, (member == null ? "the item" : member) + " "
          + withoutValue(e.getMessage())));
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | DateTimeException e) {
      // a builder's own check: its message names attributes, never values
      undecodable.add(undecodable(reader, index, null, "the item cannot be read: " + e.getMessage()));
    }
    return null;
  }

  private static UndecodableRecord undecodable(JsonReader reader, int index, String member, String reason) {
    return UndecodableRecord.builder().id(idOrNull(reader.peekJson())).index(index).member(member)
        .reason("items[" + index + "]: " + reason).build();
  }

  /** The item's top-level {@code id} when it is a whole number, else null. */
  private static Long idOrNull(JsonReader item) {
    try {
      if (item.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      item.beginObject();
      while (item.hasNext()) {
        if (item.nextName().equals("id") && item.peek() == JsonReader.Token.NUMBER) {
          return item.nextLong();
        }
        item.skipValue();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static final Pattern AT_PATH = Pattern.compile("^(.*) at path \\$\\.items\\[\\d+\\]\\.?(\\S*)$");
  private static final Pattern EXPECTED = Pattern.compile("^Expected (.+?) but was (.*)$");

  /** The member path within the item, from Moshi's message ({@code ... at path $.items[3].stages[0].fee}). */
  private static String memberOf(String message) {
    Matcher m = AT_PATH.matcher(String.valueOf(message));
    return m.matches() && !m.group(2).isEmpty() ? m.group(2) : null;
  }

  /** Moshi's message without its path, and without the value when it quotes one ({@code but was abc}). */
  private static String withoutValue(String message) {
    Matcher at = AT_PATH.matcher(String.valueOf(message));
    String text = at.matches() ? at.group(1) : "cannot be read";
    Matcher expected = EXPECTED.matcher(text);
    if (expected.matches()) {
      String was = expected.group(2);
      return "is not " + expected.group(1) + (was.matches("[A-Z_]+") ? " (it is " + was + ")" : "");
    }
    return text.startsWith("Expected") || text.contains("\"") || text.contains("'") ? "cannot be read" : text;
  }
}
