package dev.synergylink.sync;

import java.util.List;
import org.immutables.value.Value;

/** Whether the two signed-in users may set the integration up, and why not. */
@SyncStyle
@Value.Immutable
public interface SetupCheck {
  /** Why a tiny+ user must be an account admin, in the integration guide's words. */
  String TINYPLUS_ADMIN_NEEDED = "You must be a tiny+ Account Admin to set up a Total Synergy integration.";

  /** Why a Synergy user must be an Administrator, in the integration guide's words. */
  String SYNERGY_ADMIN_NEEDED =
      "You must have an Administrator account in Total Synergy to connect the applications together.";

  /**
   * Whether the tiny+ user is an account admin.
   *
   * @return true when they are
   */
  boolean tinyPlusAccountAdmin();

  /**
   * Whether the Synergy user is an Administrator.
   *
   * @return true when they are
   */
  boolean synergyAdministrator();

  /**
   * What stands in the way, one sentence each; empty when setup may go ahead.
   *
   * @return the problems
   */
  List<String> problems();

  /**
   * Whether setup may go ahead.
   *
   * @return true when there is no problem
   */
  default boolean ok() {
    return problems().isEmpty();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSetupCheck.Builder builder() {
    return ImmutableSetupCheck.builder();
  }
}
