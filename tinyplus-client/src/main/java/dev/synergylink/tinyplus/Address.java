package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A postal address ({@code address}, {@code physical_address}); every part may be empty. */
@TinyPlusStyle
@Value.Immutable
public interface Address {
  /**
   * The street lines.
   *
   * @return the street, or null
   */
  @Nullable
  String street();

  /**
   * The suburb or city.
   *
   * @return the suburb, or null
   */
  @Nullable
  String suburb();

  /**
   * The state or region.
   *
   * @return the state, or null
   */
  @Nullable
  String state();

  /**
   * The postcode.
   *
   * @return the postcode, or null
   */
  @Nullable
  String postcode();

  /**
   * The country.
   *
   * @return the country, or null
   */
  @Nullable
  String country();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableAddress.Builder builder() {
    return ImmutableAddress.builder();
  }
}
