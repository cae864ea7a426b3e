package dev.synergylink.sync.scheduler.internal;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import dev.synergylink.sync.scheduler.ConnectionState;
import dev.synergylink.sync.scheduler.RunOutcome;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

/**
 * Writes {@link ConnectionData} as plain, versioned {@code key=value} text (UTF-8) rather than Java serialization, so
 * that the rows stay readable and a later version can read older ones.
 */
public final class DataCodec implements Serializer {
  private static final String VERSION = "1";

  @Override
  public byte[] serialize(Object data) {
    if (data == null) {
      return null;
    }
    ConnectionData d = (ConnectionData) data;
    Properties p = new Properties();
    p.setProperty("version", VERSION);
    p.setProperty("state", d.state().name());
    put(p, "lastOutcome", d.lastOutcome() == null ? null : d.lastOutcome().name());
    put(p, "lastMessage", d.lastMessage());
    put(p, "lastRunAt", d.lastRunAt() == null ? null : d.lastRunAt().toString());
    put(p, "lastRunOn", d.lastRunOn());
    p.setProperty("consecutiveBackoffs", Integer.toString(d.consecutiveBackoffs()));
    StringWriter out = new StringWriter();
    try {
      p.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Properties.store writes a date comment first: drop it so that equal data is equal bytes
    String text = out.toString().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <T> T deserialize(Class<T> clazz, byte[] serializedData) {
    if (serializedData == null) {
      return null;
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(serializedData, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String outcome = p.getProperty("lastOutcome");
    String runAt = p.getProperty("lastRunAt");
    return clazz.cast(new ConnectionData(ConnectionState.valueOf(p.getProperty("state")),
        outcome == null ? null : RunOutcome.valueOf(outcome), p.getProperty("lastMessage"),
        runAt == null ? null : Instant.parse(runAt), p.getProperty("lastRunOn"),
        Integer.parseInt(p.getProperty("consecutiveBackoffs", "0"))));
  }

  private static void put(Properties p, String key, String value) {
    if (value != null) {
      p.setProperty(key, value);
    }
  }
}
