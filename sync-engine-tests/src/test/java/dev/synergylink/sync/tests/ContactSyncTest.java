package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Synergy personnel <> tiny+ contacts: every row of the guide's table, the company link, and Title <> Role. */
class ContactSyncTest {

  /** One table row. */
  record Row(
      String field,
      BiConsumer<PersonnelPatch.Builder, String> setSynergy,
      BiConsumer<ContactPatch.Builder, String> setTinyPlus,
      Function<Personnel, String> readSynergy,
      Function<Contact, String> readTinyPlus) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("First Name <> Name", PersonnelPatch.Builder::firstName, ContactPatch.Builder::firstName,
            Personnel::firstName, Contact::firstName),
        new Row("Last Name <> Name", PersonnelPatch.Builder::lastName, ContactPatch.Builder::lastName,
            Personnel::lastName, Contact::lastName),
        new Row("Phone <> Direct Telephone", PersonnelPatch.Builder::phone, ContactPatch.Builder::direct,
            Personnel::phone, Contact::direct),
        new Row("Title <> Role (the guide's bug, fixed)", PersonnelPatch.Builder::title, ContactPatch.Builder::role,
            Personnel::title, Contact::role),
        new Row("Email <> Email", PersonnelPatch.Builder::email, ContactPatch.Builder::emailAddress,
            Personnel::email, Contact::emailAddress),
        new Row("Website <> Website", PersonnelPatch.Builder::website, ContactPatch.Builder::website,
            Personnel::website, Contact::website),
        new Row("Mobile <> Mobile", PersonnelPatch.Builder::mobile, ContactPatch.Builder::mobile,
            Personnel::mobile, Contact::mobile),
        new Row("Office Phone <> Office Phone", PersonnelPatch.Builder::officePhone, ContactPatch.Builder::officePhone,
            Personnel::officePhone, Contact::officePhone),
        new Row("Twitter <> Twitter", PersonnelPatch.Builder::twitter, ContactPatch.Builder::twitter,
            Personnel::twitter, Contact::twitter));
  }

  private final Fixture f = new Fixture(RecordType.COMPANY, RecordType.CONTACT).started();
  private dev.synergylink.synergy.Contact synergyCompany;
  private Company company;

  @BeforeEach
  void aLinkedCompany() {
    synergyCompany = f.synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name("Acme").build());
    f.cycle();
    company = f.tinyPlus.webApp().companies().get(0);
  }

  private Personnel linkedPerson() {
    Personnel person = f.synergy.webApp().createPersonnel(PersonnelCreate.builder()
        .parentContactId(synergyCompany.id()).firstName("Ada").lastName("Lovelace").build());
    f.cycle();
    f.resetCounts();
    return person;
  }

  private Contact partnerOf(Personnel person) {
    return f.tinyPlus.webApp().contacts().stream()
        .filter(c -> Long.toString(person.id()).equals(c.remoteId())).findFirst().orElseThrow();
  }

  @Test
  void newPersonnelBecomeContactsOfTheLinkedCompany() {
    Personnel person = f.synergy.webApp().createPersonnel(PersonnelCreate.builder()
        .parentContactId(synergyCompany.id()).firstName("Ada").lastName("Lovelace").title("Director").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.CONTACT, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    Contact contact = partnerOf(person);
    assertThat(contact.name()).isEqualTo("Ada Lovelace");
    assertThat(contact.role()).isEqualTo("Director");
    assertThat(contact.primaryCompany()).isEqualTo(company.id());
    assertThat(contact.externalUrl()).endsWith("/Personnel/" + person.id());
    assertThat(f.engine.lockedFields(RecordType.CONTACT, contact.id())).containsExactly("external_url");
  }

  @ParameterizedTest(name = "{0}, Synergy to tiny+")
  @MethodSource("rows")
  void anEditInSynergyReachesTinyPlus(Row row) {
    Personnel person = linkedPerson();
    PersonnelPatch.Builder patch = PersonnelPatch.builder();
    row.setSynergy().accept(patch, "Value S");
    f.synergy.webApp().editPersonnel(person.id(), patch.build());

    f.cycle();

    assertThat(row.readTinyPlus().apply(f.tinyPlus.webApp().contact(partnerOf(person).id()))).isEqualTo("Value S");
  }

  @ParameterizedTest(name = "{0}, tiny+ to Synergy")
  @MethodSource("rows")
  void anEditInTinyPlusReachesSynergy(Row row) {
    Personnel person = linkedPerson();
    ContactPatch.Builder patch = ContactPatch.builder();
    row.setTinyPlus().accept(patch, "Value T");
    f.tinyPlus.webApp().editContact(partnerOf(person).id(), patch.build());

    f.cycle();

    assertThat(row.readSynergy().apply(f.synergy.webApp().personnel(person.id()))).isEqualTo("Value T");
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).singleElement()
        .satisfies(w -> assertThat(w.members()).hasSize(1));
  }

  @Test
  void parentContactAndRelatedCompanyFollowTheLinkTable() {
    Personnel person = linkedPerson();
    dev.synergylink.synergy.Contact other = f.synergy.webApp().createContact(
        dev.synergylink.synergy.ContactCreate.builder().name("Beta").build());
    f.cycle();
    Company otherCompany = f.tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Beta"))
        .findFirst().orElseThrow();

    f.tinyPlus.webApp().editContact(partnerOf(person).id(), ContactPatch.builder()
        .primaryCompany(otherCompany.id()).build());
    f.cycle();
    assertThat(f.synergy.webApp().personnel(person.id()).parentContactId()).isEqualTo(other.id());

    f.synergy.webApp().editPersonnel(person.id(), PersonnelPatch.builder().parentContactId(synergyCompany.id()).build());
    f.cycle();
    assertThat(partnerOf(person).primaryCompany()).isEqualTo(company.id());
  }

  @Test
  void aNewTinyPlusContactOfALinkedCompanyBecomesPersonnel() {
    Contact contact = f.tinyPlus.webApp().createContact(ContactCreate.builder().firstName("Grace").lastName("Hopper")
        .role("Admiral").primaryCompany(company.id()).build());

    f.cycle();

    Personnel person = f.synergy.webApp().personnel().get(0);
    assertThat(person.firstName()).isEqualTo("Grace");
    assertThat(person.title()).isEqualTo("Admiral");
    assertThat(person.parentContactId()).isEqualTo(synergyCompany.id());
    assertThat(person.externalReference()).isEqualTo("tinyplus:" + contact.id());
  }

  @Test
  void aTinyPlusContactWhoseCompanyIsNotSyncedIsSkippedWithThatReason() {
    // a company Synergy refuses (its ABN fails the checksum) stays unsynced
    Company unsynced = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Local")
        .abn("12 345 678 901").build());
    Contact loner = f.tinyPlus.webApp().createContact(ContactCreate.builder().firstName("Lone").build());
    Contact staffed = f.tinyPlus.webApp().createContact(ContactCreate.builder().firstName("Linus")
        .primaryCompany(unsynced.id()).build());

    SyncReport report = f.cycle();

    assertThat(f.synergy.webApp().personnel()).isEmpty();
    assertThat(report.problems(RecordOutcome.SKIPPED)).extracting(e -> e.tinyPlusId() + ": " + e.message())
        .containsExactlyInAnyOrder(
            loner.id() + ": it has no related company: give it a company that is synced with Synergy",
            staffed.id() + ": its related company (tiny+ company " + unsynced.id()
                + ") is not synced with Synergy: sync the company first");
    assertThat(f.engine.health().counts(RecordType.CONTACT).excluded()).isEqualTo(2);
    assertThat(f.engine.health().failures()).filteredOn(x -> x.kind() == RecordFailure.Kind.EXCLUDED).hasSize(2);

    // once the company syncs, the contact follows when its retry comes round
    f.tinyPlus.webApp().editCompany(unsynced.id(), dev.synergylink.tinyplus.CompanyPatch.builder()
        .abn("51 824 753 556").build());
    f.cycle();
    f.clock.advance(java.time.Duration.ofHours(1));
    f.cycle();
    assertThat(f.synergy.webApp().personnel()).extracting(Personnel::firstName).containsExactly("Linus");
  }

  @Test
  void aTinyPlusContactsLaterEditToTheCompanySynergyHeldWhileItsOwnChangeWaitedIsSynced() {
    long second = f.synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name("Bolt").build())
        .id();
    long third = f.synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name("Cobalt").build())
        .id();
    f.cycle();
    long secondInTinyPlus = f.tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Bolt"))
        .findFirst().orElseThrow().id();
    Personnel person = linkedPerson();
    Contact contact = partnerOf(person);
    // Synergy moves the person to Bolt; later tiny+ removes the company, which wins and waits (no company is not sent)
    f.synergy.webApp().editPersonnel(person.id(), PersonnelPatch.builder().parentContactId(second).build());
    f.clock.advance(java.time.Duration.ofSeconds(30));
    f.tinyPlus.webApp().editContact(contact.id(), ContactPatch.builder().primaryCompany(null).build());
    f.cycle();
    assertThat(f.synergy.webApp().personnel(person.id()).parentContactId()).isEqualTo(second);

    // then Synergy moves the person to Cobalt, and later tiny+ gives the contact Bolt: the later edit of the two
    f.synergy.webApp().editPersonnel(person.id(), PersonnelPatch.builder().parentContactId(third).build());
    f.clock.advance(java.time.Duration.ofSeconds(30));
    f.tinyPlus.webApp().editContact(contact.id(), ContactPatch.builder().primaryCompany(secondInTinyPlus).build());
    f.cycle();
    f.cycle();

    assertThat(f.synergy.webApp().personnel(person.id()).parentContactId()).isEqualTo(second);
    assertThat(f.tinyPlus.webApp().contact(contact.id()).primaryCompany()).isEqualTo(secondInTinyPlus);
  }
}
