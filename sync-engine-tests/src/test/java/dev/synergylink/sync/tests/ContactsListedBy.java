package dev.synergylink.sync.tests;

import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyContacts;
import dev.synergylink.synergy.SynergyPersonnel;
import dev.synergylink.synergy.SynergyProjects;
import dev.synergylink.synergy.SynergyStaff;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** A Synergy whose contact listings a test answers itself (from the real answer), everything else as it is. */
final class ContactsListedBy implements SynergyClient {
  private final SynergyClient real;
  private final BiFunction<ContactQuery, Page<Contact>, Page<Contact>> listing;

  /**
   * A Synergy with its contact listings changed.
   *
   * @param real the Synergy behind it
   * @param listing the page to answer for a query, given the real page
   */
  ContactsListedBy(SynergyClient real, BiFunction<ContactQuery, Page<Contact>, Page<Contact>> listing) {
    this.real = real;
    this.listing = listing;
  }

  @Override
  public SynergyContacts contacts() {
    SynergyContacts contacts = real.contacts();
    return new SynergyContacts() {
      @Override
      public Page<Contact> list(ContactQuery query) {
        return listing.apply(query, contacts.list(query));
      }

      @Override
      public Contact get(long id) {
        return contacts.get(id);
      }

      @Override
      public Contact create(ContactCreate request) {
        return contacts.create(request);
      }

      @Override
      public Contact patch(long id, ContactPatch request) {
        return contacts.patch(id, request);
      }
    };
  }

  @Override
  public String organisation() {
    return real.organisation();
  }

  @Override
  public CurrentUser currentUser() {
    return real.currentUser();
  }

  @Override
  public List<ProjectStatus> projectStatuses() {
    return real.projectStatuses();
  }

  @Override
  public SynergyProjects projects() {
    return real.projects();
  }

  @Override
  public SynergyPersonnel personnel() {
    return real.personnel();
  }

  @Override
  public SynergyStaff staff() {
    return real.staff();
  }

  @Override
  public RecordLinks recordLinks() {
    return real.recordLinks();
  }

  @Override
  public Optional<Quota> lastQuota() {
    return real.lastQuota();
  }
}
