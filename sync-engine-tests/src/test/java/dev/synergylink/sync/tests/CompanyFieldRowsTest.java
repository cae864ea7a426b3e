package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the guide's Companies / Contacts table, in each direction it flows. */
class CompanyFieldRowsTest {

  /** One table row: how a person sets the field on each side, and how to read it back. */
  record Row(
      String field,
      BiConsumer<ContactPatch.Builder, Object> setSynergy,
      BiConsumer<CompanyPatch.Builder, Object> setTinyPlus,
      Function<Contact, Object> readSynergy,
      Function<Company, Object> readTinyPlus,
      Object synergyValue,
      Object tinyPlusValue) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("Name <> Company Name", (b, v) -> b.name((String) v), (b, v) -> b.name((String) v),
            Contact::name, Company::name, "Acme Holdings", "Acme Group"),
        new Row("Office Address <> Physical Address",
            (b, v) -> b.officeAddress((dev.synergylink.synergy.Address) v),
            (b, v) -> b.physicalAddress((dev.synergylink.tinyplus.Address) v),
            c -> c.officeAddress() == null ? null : List.of(c.officeAddress().address1(), c.officeAddress().town(),
                c.officeAddress().state(), c.officeAddress().zipCode(), c.officeAddress().country()),
            c -> c.physicalAddress() == null ? null : List.of(c.physicalAddress().street(),
                c.physicalAddress().suburb(), c.physicalAddress().state(), c.physicalAddress().postcode(),
                c.physicalAddress().country()),
            dev.synergylink.synergy.Address.builder().address1("1 George St").town("Sydney").state("NSW")
                .zipCode("2000").country("Australia").build(),
            dev.synergylink.tinyplus.Address.builder().street("9 Queen St").suburb("Melbourne").state("VIC")
                .postcode("3000").country("Australia").build()),
        new Row("Email <> Email", (b, v) -> b.email((String) v), (b, v) -> b.email((String) v),
            Contact::email, Company::email, "hello@acme.example", "sales@acme.example"),
        new Row("Website <> Website", (b, v) -> b.website((String) v), (b, v) -> b.website((String) v),
            Contact::website, Company::website, "https://acme.example", "https://acme.example/au"),
        new Row("ABN <> ABN", (b, v) -> b.abn((String) v), (b, v) -> b.abn((String) v),
            Contact::abn, Company::abn, "51824753556", "53004085616"),
        new Row("Mobile <> Mobile", (b, v) -> b.mobile((String) v), (b, v) -> b.mobile((String) v),
            Contact::mobile, Company::mobile, "0400 000 001", "0400 000 002"),
        new Row("Phone <> Office Phone", (b, v) -> b.phone((String) v), (b, v) -> b.officePhone((String) v),
            Contact::phone, Company::officePhone, "02 9000 0001", "02 9000 0002"),
        new Row("Twitter <> Twitter", (b, v) -> b.twitter((String) v), (b, v) -> b.twitter((String) v),
            Contact::twitter, Company::twitter, "@acme", "@acmegroup"));
  }

  private final Fixture f = new Fixture(RecordType.COMPANY).started();
  private Contact contact;
  private Company company;

  private void linkedPair() {
    contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    f.cycle();
    company = f.tinyPlus.webApp().companies().get(0);
    f.resetCounts();
  }

  @ParameterizedTest(name = "{0}, Synergy to tiny+")
  @MethodSource("rows")
  void anEditInSynergyReachesTinyPlus(Row row) {
    linkedPair();
    ContactPatch.Builder patch = ContactPatch.builder();
    row.setSynergy().accept(patch, row.synergyValue());
    f.synergy.webApp().editContact(contact.id(), patch.build());

    f.cycle();

    Company after = f.tinyPlus.webApp().company(company.id());
    assertThat(row.readTinyPlus().apply(after)).isEqualTo(row.readSynergy().apply(f.synergy.webApp().contact(contact.id())));
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).hasSize(1);
  }

  @ParameterizedTest(name = "{0}, tiny+ to Synergy")
  @MethodSource("rows")
  void anEditInTinyPlusReachesSynergy(Row row) {
    linkedPair();
    CompanyPatch.Builder patch = CompanyPatch.builder();
    row.setTinyPlus().accept(patch, row.tinyPlusValue());
    f.tinyPlus.webApp().editCompany(company.id(), patch.build());

    f.cycle();

    Contact after = f.synergy.webApp().contact(contact.id());
    assertThat(row.readSynergy().apply(after)).isEqualTo(row.readTinyPlus().apply(f.tinyPlus.webApp().company(company.id())));
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).hasSize(1);
  }

  @ParameterizedTest(name = "{0}: only the changed field is patched")
  @MethodSource("rows")
  void onlyTheChangedFieldIsSent(Row row) {
    linkedPair();
    CompanyPatch.Builder patch = CompanyPatch.builder();
    row.setTinyPlus().accept(patch, row.tinyPlusValue());
    f.tinyPlus.webApp().editCompany(company.id(), patch.build());

    f.cycle();

    List<FakeWrite> writes = f.synergy.writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).members()).hasSize(1);
    assertThat(f.synergy.calls().reads()).as("the list and no read of the record").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}: only the changed field is patched in tiny+")
  @MethodSource("rows")
  void onlyTheChangedFieldIsSentToTinyPlus(Row row) {
    linkedPair();
    ContactPatch.Builder patch = ContactPatch.builder();
    row.setSynergy().accept(patch, row.synergyValue());
    f.synergy.webApp().editContact(contact.id(), patch.build());

    f.cycle();

    List<FakeWrite> writes = f.tinyPlus.writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).members()).hasSize(1);
    assertThat(f.tinyPlus.calls().reads()).as("the list and no read of the record").isEqualTo(1);
  }
}
