package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.PendingCreate;

/**
 * A record by its side and id.
 *
 * @param side the system it lives in
 * @param id its id there
 */
public record RecordRef(Side side, long id) {
  /**
   * The record a create copies.
   *
   * @param intent the create's intent
   * @return its source record
   */
  public static RecordRef sourceOf(PendingCreate intent) {
    return new RecordRef(intent.target().other(), intent.sourceId());
  }

  @Override
  public String toString() {
    return (side == Side.SYNERGY ? "Synergy " : "tiny+ ") + id;
  }
}
