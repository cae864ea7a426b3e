package dev.synergylink.sync.spi;

import dev.synergylink.sync.SyncException;
import java.util.Objects;

/**
 * Thrown by a field rule's writer for a value the system written to would refuse (an ABN whose checksum fails): the
 * engine sends nothing for it and treats the record as if that system had refused the write, so the record waits in
 * quarantine with this field and message and is retried on its schedule, while the rest of the sync goes on. The
 * message names what is wrong and where to fix it; it never holds the value itself (values are people's data).
 */
public class InvalidValueException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * A value that would be refused.
   *
   * @param field the member of the system written to that would refuse it, as that system names it
   * @param message what is wrong and how to fix it
   */
  public InvalidValueException(String field, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.field = Objects.requireNonNull(field, "field");
  }

  /**
   * The member that would refuse the value.
   *
   * @return its name, as the system written to names it
   */
  public String field() {
    return field;
  }
}
