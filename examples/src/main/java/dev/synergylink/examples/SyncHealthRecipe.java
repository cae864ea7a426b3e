package dev.synergylink.examples;

import dev.synergylink.sync.HealthCounts;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncHealth;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.util.Locale;

/**
 * Recipe: read the sync's health for a UI, such as the tiny+ settings page: per record type how many pairs are in
 * sync and how many records fail or wait, each failure with its reason and next retry, and the fields tiny+ must
 * show locked on a linked record. {@code health()} reads the state store only: no API call, cheap to poll.
 */
public final class SyncHealthRecipe {
  private SyncHealthRecipe() {}

  /**
   * Runs the recipe.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Sandbox sandbox = Sandbox.manual();
    sandbox.synergy.webApp().createContact(ContactCreate.builder().name("Orange Grammar School")
        .abn("53004085616").build());
    sandbox.later();
    SyncEngine engine = sandbox.engine().build();
    engine.syncOnce();
    engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    long companyId = sandbox.store.links(sandbox.settings.connectionId(), RecordType.COMPANY).get(0).tinyPlusId();
    sandbox.later();
    // someone types an ABN Synergy will refuse
    sandbox.tinyPlus.webApp().editCompany(companyId, CompanyPatch.builder().abn("53004085617").build());
    sandbox.later();
    engine.syncOnce();

    SyncHealth health = engine.health();
    for (RecordType type : RecordType.values()) {
      HealthCounts c = health.counts(type);
      System.out.printf(Locale.ROOT, "%-13s in sync %d, failing %d, excluded %d, orphaned %d%n", Names.plural(type),
          c.inSync(), c.failing(), c.excluded(), c.orphaned());
    }
    for (RecordFailure f : health.failures()) {
      System.out.printf(Locale.ROOT, "%s, field %s: %s; attempt %d, next try %s%n",
          Names.record(f.recordType(), f.side(), f.recordId()), f.field(), f.message(), f.attempts(), f.nextRetry());
    }
    System.out.println("tiny+ shows these company fields locked: " + engine.lockedFields(RecordType.COMPANY,
        companyId));
    System.out.println("tiny+ shows these team member fields locked: " + engine.lockedFields(RecordType.TEAM_MEMBER));
  }
}
