package dev.synergylink.synergy;

import org.immutables.value.Value;

/**
 * A postal address as Synergy holds it; every line may be absent. In a create or patch request an address is
 * sent whole: every line, with the absent ones as {@code null}, so the stored address becomes exactly this one.
 *
 * <pre>{@code
 * Address address = Address.builder().address1("1 Main St").town("Sydney").state("NSW").build();
 * }</pre>
 */
@SynergyStyle
@Value.Immutable
public interface Address {
  /**
   * The first street line.
   *
   * @return up to 200 characters, or {@code null}
   */
  @Nullable String address1();

  /**
   * The second street line.
   *
   * @return up to 200 characters, or {@code null}
   */
  @Nullable String address2();

  /**
   * The town or suburb.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String town();

  /**
   * The state or region.
   *
   * @return up to 50 characters, or {@code null}
   */
  @Nullable String state();

  /**
   * The postcode.
   *
   * @return up to 20 characters, or {@code null}
   */
  @Nullable String zipCode();

  /**
   * The country.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String country();

  /**
   * A new builder; unset lines stay {@code null}.
   *
   * @return a builder
   */
  static ImmutableAddress.Builder builder() {
    return ImmutableAddress.builder();
  }
}
