package dev.synergylink.examples;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;

/**
 * Recipe: change the field rules. The firm types phone numbers in many formats, so phones are compared by their
 * digits only (a company whose phone is {@code (02) 9000 1234} in tiny+ and {@code 02 9000 1234} in Synergy is not
 * "changed"); and it keeps job titles apart (Title and Role are not synced).
 */
public final class CustomFieldRuleRecipe {
  private CustomFieldRuleRecipe() {}

  /**
   * Runs the recipe.
   *
   * @param args none
   */
  public static void main(String[] args) {
    FieldMapping<Contact, Company> companies = FieldMappings.companies()
        .withRule(FieldRule.<Contact, Company>builder("phone")   // replaces the built-in rule of that name
            .synergy(SynergyMembers.CONTACT_PHONE, Contact::phone)
            .tinyPlus(TinyPlusMembers.COMPANY_OFFICE_PHONE, Company::officePhone)
            .normaliser(Normaliser.digits())
            .direction(Direction.BOTH)
            .build());
    FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> contacts = FieldMappings.contacts()
        .withDirection("title", Direction.NONE);

    Sandbox sandbox = Sandbox.manual();
    sandbox.synergy.webApp().createContact(ContactCreate.builder().name("Glebe Joinery").phone("02 9000 1234")
        .build());
    Company tinyPlusCompany = sandbox.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Glebe Joinery")
        .officePhone("(02) 9000 1234").build());
    sandbox.later();

    SyncEngine engine = sandbox.engine().companyMapping(companies).contactMapping(contacts).build();
    SyncReport report = engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    System.out.println(report.toText());
    System.out.println("tiny+ phone kept as typed: "
        + sandbox.tinyPlus.webApp().company(tinyPlusCompany.id()).officePhone());
  }
}
