package dev.synergylink.tinyplus;

import java.time.ZoneId;
import org.immutables.value.Value;

/** The tiny+ account a token belongs to ({@code GET /account}). */
@TinyPlusStyle
@Value.Immutable
public interface Account {
  /**
   * The account id.
   *
   * @return the id
   */
  long id();

  /**
   * The account name.
   *
   * @return the name
   */
  String name();

  /**
   * The account's time zone: every {@code created_date}, {@code modified_date} and date filter of this account is a
   * local date-time in this zone.
   *
   * @return the zone, e.g. {@code Australia/Sydney}
   */
  ZoneId timezone();

  /**
   * The account's currency code.
   *
   * @return e.g. {@code AUD}, or null
   */
  @Nullable
  String currency();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableAccount.Builder builder() {
    return ImmutableAccount.builder();
  }
}
