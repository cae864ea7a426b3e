package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusContacts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 10101): an engine whose lease had run out while it worked (a second engine took the
 * connection over) went on writing to tiny+ until its next state store write, and marked a tiny+ contact as the copy
 * of a Synergy record that the second engine had just copied: two tiny+ records claimed one Synergy record.
 */
class StaleEngineWritesAfterLosingLeaseTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final InMemoryStateStore store = InMemoryStateStore.create();
  private final SyncSettings settings = SyncSettings.builder().connectionId("acme")
      .synergyOrganisation(synergy.organisation()).masterSwitch(true)
      .addEnabledTypes(RecordType.COMPANY, RecordType.CONTACT).leaseDuration(Duration.ofMinutes(1)).build();
  private final SyncEngine second = engine("second", tinyPlus);
  /**
   * Runs once, right after the first engine looks Synergy records' copies up in tiny+ by their marker (a transfer
   * does it once, listing the deleted copies after the others).
   */
  private Runnable afterMarkerLookup = () -> { };
  private final SyncEngine first = engine("first", lookupHook());

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  private SyncEngine engine(String holder, TinyPlusClient client) {
    return SyncEngine.builder().synergy(synergy).tinyPlus(client).stateStore(store).settings(settings)
        .clock(clock).holder(holder).build();
  }

  /** tiny+ as the first engine sees it: a contacts lookup by marker is followed by {@link #afterMarkerLookup}. */
  private TinyPlusClient lookupHook() {
    TinyPlusContacts contacts = (TinyPlusContacts) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {TinyPlusContacts.class}, (proxy, method, args) -> {
          Object result = invoke(method, tinyPlus.contacts(), args);
          if (method.getName().equals("list") && ((ContactQuery) args[0]).syncOrigin() != null) {
            Runnable hook = afterMarkerLookup;
            afterMarkerLookup = () -> { };
            hook.run();
          }
          return result;
        });
    return (TinyPlusClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TinyPlusClient.class},
        (proxy, method, args) -> method.getName().equals("contacts") ? contacts : invoke(method, tinyPlus, args));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void anEngineWhoseLeaseRanOutWritesNothingMore() {
    // Given a linked company, a tiny+ contact "Bo Lee" under it from before the sync, and a new Synergy personnel
    // record "Bo Lee"
    Company acme = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder().firstName("Bo").lastName("Lee")
        .primaryCompany(acme.id()).build());
    Contact synergyAcme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofSeconds(6));
    first.syncOnce();
    first.downloadAll(RecordType.COMPANY, (type, done, total) -> { });
    Personnel bo = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(synergyAcme.id())
        .firstName("Bo").lastName("Lee").build());
    clock.advance(Duration.ofSeconds(6));

    // When, during the first engine's "Download all", right after it looked the copies up in tiny+ (none of "Bo Lee"),
    // its lease runs out and a second engine takes the connection over and runs a cycle that copies "Bo Lee"
    afterMarkerLookup = () -> {
      clock.advance(Duration.ofSeconds(61));
      second.syncOnce();
    };
    SyncReport stopped = first.downloadAll(RecordType.CONTACT, (type, done, total) -> { });
    assertThat(stopped.stopCause().kind()).isEqualTo(StopCause.Kind.LEASE_LOST);
    assertThat(stopped.stopCause().exception()).isInstanceOf(LeaseLostException.class);

    // Then the first engine stops before writing again: one tiny+ contact only is the copy of "Bo Lee"
    assertThat(tinyPlus.webApp().contacts()).filteredOn(c -> String.valueOf(bo.id()).equals(c.remoteId()))
        .hasSize(1);
  }
}
