package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;

/**
 * Recipe: settle conflicts your own way. The firm's accounts team keeps ABNs right in Synergy, so when an ABN changed
 * on both sides Synergy's wins; any other field falls back to the built-in rule (the owner, else the newest edit).
 */
public final class CustomConflictPolicyRecipe {
  private CustomConflictPolicyRecipe() {}

  /** The policy: Synergy wins ABN conflicts, the default settles the rest. */
  static final ConflictPolicy ACCOUNTS_OWN_ABNS = conflict -> conflict.field().equals("abn")
      ? Side.SYNERGY
      : ConflictPolicy.ownerWinsElseNewest().resolve(conflict);

  /**
   * Runs the recipe.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Sandbox sandbox = Sandbox.manual();
    Contact contact = sandbox.synergy.webApp().createContact(ContactCreate.builder().name("Hunter Hotels")
        .abn("53004085616").email("info@hunterhotels.com.au").build());
    sandbox.later();
    SyncEngine engine = sandbox.engine().conflictPolicy(ACCOUNTS_OWN_ABNS).build();
    engine.syncOnce();   // the first cycle starts the cursors
    engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    long companyId = sandbox.store.links(sandbox.settings.connectionId(), RecordType.COMPANY).get(0).tinyPlusId();

    sandbox.later();
    sandbox.synergy.webApp().editContact(contact.id(), ContactPatch.builder().abn("53004085648")
        .email("accounts@hunterhotels.com.au").build());
    sandbox.later();
    // later than the Synergy edit: the newest edit would win both fields, but the ABN goes to Synergy
    sandbox.tinyPlus.webApp().editCompany(companyId, CompanyPatch.builder().abn("51 824 753 556")
        .email("bookings@hunterhotels.com.au").build());
    sandbox.later();

    SyncReport report = engine.syncOnce();
    System.out.println(report.toText());
    Company company = sandbox.tinyPlus.webApp().company(companyId);
    System.out.println("tiny+ now: ABN " + company.abn() + ", email " + company.email());
  }
}
