package dev.synergylink.sync.spi;

import dev.synergylink.synergy.ContactMembers;
import dev.synergylink.synergy.PersonnelMembers;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectMembers;
import dev.synergylink.tinyplus.CompanyWriteBuilder;
import dev.synergylink.tinyplus.ContactWriteBuilder;
import dev.synergylink.tinyplus.ProjectWriteBuilder;
import dev.synergylink.tinyplus.TeamMemberWriteBuilder;
import dev.synergylink.tinyplus.WriteRequest;

/**
 * The request builder a {@link MemberValues} is set on, seen as each kind of builder it is. A {@link Member}'s setter
 * asks for its own kind; the record type of {@code MemberValues<R>} lets only members of that record's requests in,
 * so asking for another kind cannot happen through the typed API.
 */
final class RequestTarget {
  private final String what;
  private String member;
  private ContactMembers<?> synergyContact;
  private PersonnelMembers<?> synergyPersonnel;
  private ProjectMembers<?> synergyProject;
  private ProjectCreate.Builder synergyProjectCreate;
  private WriteRequest.Builder<?> tinyPlusRecord;
  private CompanyWriteBuilder<?> tinyPlusCompany;
  private ContactWriteBuilder<?> tinyPlusContact;
  private TeamMemberWriteBuilder<?> tinyPlusTeamMember;
  private ProjectWriteBuilder<?> tinyPlusProject;

  private RequestTarget(String what) {
    this.what = what;
  }

  static RequestTarget synergyContact(ContactMembers<?> builder) {
    RequestTarget target = new RequestTarget("a Synergy contact request");
    target.synergyContact = builder;
    return target;
  }

  static RequestTarget synergyPersonnel(PersonnelMembers<?> builder) {
    RequestTarget target = new RequestTarget("a Synergy personnel request");
    target.synergyPersonnel = builder;
    return target;
  }

  static RequestTarget synergyProject(ProjectMembers<?> builder) {
    RequestTarget target = new RequestTarget("a Synergy project patch");
    target.synergyProject = builder;
    return target;
  }

  static RequestTarget synergyProjectCreate(ProjectCreate.Builder builder) {
    RequestTarget target = new RequestTarget("a Synergy project create");
    target.synergyProject = builder;
    target.synergyProjectCreate = builder;
    return target;
  }

  static RequestTarget tinyPlusCompany(CompanyWriteBuilder<?> builder) {
    RequestTarget target = new RequestTarget("a tiny+ company request");
    target.tinyPlusRecord = builder;
    target.tinyPlusCompany = builder;
    return target;
  }

  static RequestTarget tinyPlusContact(ContactWriteBuilder<?> builder) {
    RequestTarget target = new RequestTarget("a tiny+ contact request");
    target.tinyPlusRecord = builder;
    target.tinyPlusContact = builder;
    return target;
  }

  static RequestTarget tinyPlusTeamMember(TeamMemberWriteBuilder<?> builder) {
    RequestTarget target = new RequestTarget("a tiny+ team member request");
    target.tinyPlusRecord = builder;
    target.tinyPlusTeamMember = builder;
    return target;
  }

  static RequestTarget tinyPlusProject(ProjectWriteBuilder<?> builder) {
    RequestTarget target = new RequestTarget("a tiny+ project request");
    target.tinyPlusRecord = builder;
    target.tinyPlusProject = builder;
    return target;
  }

  /** Names the member being set, for the message should its setter ask for a kind of builder this is not. */
  RequestTarget setting(String member) {
    this.member = member;
    return this;
  }

  ContactMembers<?> synergyContact() {
    return present(synergyContact);
  }

  PersonnelMembers<?> synergyPersonnel() {
    return present(synergyPersonnel);
  }

  ProjectMembers<?> synergyProject() {
    return present(synergyProject);
  }

  ProjectCreate.Builder synergyProjectCreate() {
    return present(synergyProjectCreate);
  }

  WriteRequest.Builder<?> tinyPlusRecord() {
    return present(tinyPlusRecord);
  }

  CompanyWriteBuilder<?> tinyPlusCompany() {
    return present(tinyPlusCompany);
  }

  ContactWriteBuilder<?> tinyPlusContact() {
    return present(tinyPlusContact);
  }

  TeamMemberWriteBuilder<?> tinyPlusTeamMember() {
    return present(tinyPlusTeamMember);
  }

  ProjectWriteBuilder<?> tinyPlusProject() {
    return present(tinyPlusProject);
  }

  private <B> B present(B builder) {
    if (builder == null) {
      // only a create-only member on a patch gets here (a Synergy project's initialFee): the rule's direction
      // writes it after the create, which the request does not allow
      throw new IllegalArgumentException("a field rule wrote the member '" + member + "', which " + what
          + " does not have: fix the rule's writer or its direction");
    }
    return builder;
  }
}
