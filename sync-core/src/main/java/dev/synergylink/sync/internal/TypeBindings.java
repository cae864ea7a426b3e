package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.internal.TypeBinding.NaturalKey;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The record-type binding table: for each record type its two sides, its mapping, its natural keys (tried in order
 * when matching unlinked records) and the references whose deletion a write can run into. Made afresh per run, so
 * the sides count that run's calls. Thread-safe.
 */
public final class TypeBindings {
  /** Where each record type's Synergy records are in the Synergy web app (the path before the record's id). */
  private static final Map<RecordType, String> SYNERGY_WEB_PATHS = new EnumMap<>(Map.of(
      RecordType.TEAM_MEMBER, "Staff", RecordType.COMPANY, "Contacts", RecordType.CONTACT, "Personnel",
      RecordType.PROJECT, "Projects"));

  private final EngineConfig config;

  /**
   * The table of one engine.
   *
   * @param config what the engine was built with
   */
  public TypeBindings(EngineConfig config) {
    this.config = config;
  }

  /**
   * The path of a record type's records in the Synergy web app, as in
   * {@code https://app.totalsynergy.com/Organisation/<org>/<path>/<id>}.
   *
   * @param type the record type
   * @return the path
   */
  public static String synergyWebPath(RecordType type) {
    return SYNERGY_WEB_PATHS.get(type);
  }

  /**
   * Every record type's binding, for one run.
   *
   * @param calls the run's call counter
   * @return the bindings by record type
   */
  public Map<RecordType, TypeBinding<?, ?>> forRun(ApiCalls calls) {
    Map<RecordType, TypeBinding<?, ?>> bindings = new EnumMap<>(RecordType.class);
    bindings.put(RecordType.TEAM_MEMBER, teamMembers(calls));
    bindings.put(RecordType.COMPANY, companies(calls));
    bindings.put(RecordType.CONTACT, contacts(calls));
    bindings.put(RecordType.PROJECT, projects(calls));
    return bindings;
  }

  /**
   * Team members: Synergy staff to tiny+ team members, one way; matched by email, then name.
   *
   * @param calls the run's call counter
   * @return the binding
   */
  public TypeBinding<Staff, TeamMember> teamMembers(ApiCalls calls) {
    return new TypeBinding<>(RecordType.TEAM_MEMBER,
        SynergySides.staff(config.synergy(), calls),
        TinyPlusSides.teamMembers(config.tinyPlus(), calls, origin()),
        config.teamMemberMapping(),
        List.of(
            new NaturalKey<Staff, TeamMember>("email", Staff::email, TeamMember::email, Normaliser.caseInsensitive()),
            new NaturalKey<Staff, TeamMember>("name", FieldMappings::staffName, TeamMember::name,
                Normaliser.caseInsensitive())),
        false, true)
        // the team member side drops the email tiny+ refuses for an active member and sends the rest
        .withNotTakenReason("email", "tiny+ does not let the API change an active team member's email; change it in"
            + " tiny+ or in Synergy");
  }

  private TypeBinding<Contact, Company> companies(ApiCalls calls) {
    return new TypeBinding<>(RecordType.COMPANY,
        SynergySides.contacts(config.synergy(), calls),
        TinyPlusSides.companies(config.tinyPlus(), calls, origin()),
        config.companyMapping(),
        List.of(
            new NaturalKey<Contact, Company>("ABN", Contact::abn, Company::abn, Normaliser.digits()),
            new NaturalKey<Contact, Company>("email", Contact::email, Company::email, Normaliser.caseInsensitive()),
            new NaturalKey<Contact, Company>("name", Contact::name, Company::name, Normaliser.caseInsensitive())),
        true, false);
  }

  private TypeBinding<Personnel, dev.synergylink.tinyplus.Contact> contacts(ApiCalls calls) {
    SynergyClient synergy = config.synergy();
    TinyPlusClient tinyPlus = config.tinyPlus();
    return new TypeBinding<>(RecordType.CONTACT,
        SynergySides.personnel(synergy, calls),
        TinyPlusSides.contacts(tinyPlus, calls, origin()),
        config.contactMapping(),
        List.of(
            new NaturalKey<Personnel, dev.synergylink.tinyplus.Contact>("email", Personnel::email,
                dev.synergylink.tinyplus.Contact::emailAddress, Normaliser.caseInsensitive()),
            new NaturalKey<Personnel, dev.synergylink.tinyplus.Contact>("name",
                p -> join(p.firstName(), p.lastName()), c -> join(c.firstName(), c.lastName()),
                Normaliser.caseInsensitive())),
        true, false, t -> false,
        // a related company deleted on the side written to (the link only learns of it from the refusal)
        List.of(new TypeBinding.Reference(Side.SYNERGY, SynergyMembers.PERSONNEL_PARENT_CONTACT_ID, RecordType.COMPANY,
                SynergySides.contacts(synergy, calls)),
            new TypeBinding.Reference(Side.TINYPLUS, TinyPlusMembers.CONTACT_PRIMARY_COMPANY, RecordType.COMPANY,
                TinyPlusSides.companies(tinyPlus, calls, origin()))));
  }

  private TypeBinding<Project, dev.synergylink.tinyplus.Project> projects(ApiCalls calls) {
    SynergyClient synergy = config.synergy();
    TinyPlusClient tinyPlus = config.tinyPlus();
    StatusMapping statuses = config.settings().statusMapping();
    return new TypeBinding<>(RecordType.PROJECT,
        SynergySides.projects(synergy, calls),
        TinyPlusSides.projects(tinyPlus, calls, origin()),
        config.projectMapping(),
        List.of(new NaturalKey<Project, dev.synergylink.tinyplus.Project>("project number", Project::projectNumber,
                dev.synergylink.tinyplus.Project::projectNumber, Normaliser.caseInsensitive()),
            new NaturalKey<Project, dev.synergylink.tinyplus.Project>("name", Project::name,
                dev.synergylink.tinyplus.Project::name, Normaliser.caseInsensitive())),
        true, false,
        t -> statuses != null && statuses.isLocked(t.state(), t.phase()),
        // a manager or client deleted on the side written to (the link only learns of it from the refusal)
        List.of(new TypeBinding.Reference(Side.SYNERGY, SynergyMembers.PROJECT_MANAGER_ID, RecordType.TEAM_MEMBER,
                SynergySides.staff(synergy, calls)),
            new TypeBinding.Reference(Side.SYNERGY, SynergyMembers.PROJECT_PRIMARY_CONTACT_ID, RecordType.COMPANY,
                SynergySides.contacts(synergy, calls)),
            new TypeBinding.Reference(Side.TINYPLUS, TinyPlusMembers.PROJECT_CLIENT_COMPANY, RecordType.COMPANY,
                TinyPlusSides.companies(tinyPlus, calls, origin()))))
        .waitingFor(RecordType.COMPANY);
  }

  private String origin() {
    return config.settings().syncOrigin();
  }

  private static String join(String first, String last) {
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    return name.isEmpty() ? null : name;
  }
}
