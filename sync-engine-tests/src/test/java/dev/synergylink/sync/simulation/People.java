package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The people of a simulated world: what they create, change and delete in the two web apps, through the fakes' back
 * doors (never the API the engine uses). Values come from {@link Values}; records are named by pick numbers taken
 * modulo what exists, so any subset of a run's steps is a valid run. Not thread-safe.
 */
final class People {
  private final World world;

  People(World world) {
    this.world = world;
  }

  ProjectPhase phaseNamed(String name) {
    return world.tinyPlus.webApp().phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  List<ProjectStatus> activeStatuses() {
    List<ProjectStatus> active = new ArrayList<>();
    for (ProjectStatus status : world.synergy.webApp().statuses()) {
      if (status.isActive()) {
        active.add(status);
      }
    }
    return active;
  }

  List<Staff> activeStaff() {
    List<Staff> active = new ArrayList<>();
    for (Staff staff : world.synergy.webApp().staff()) {
      if (staff.isActive()) {
        active.add(staff);
      }
    }
    return active;
  }

  List<TeamMember> assignableMembers() {
    List<TeamMember> members = new ArrayList<>();
    for (TeamMember member : world.tinyPlus.webApp().teamMembers()) {
      if (member.recordStatus() != TeamMemberStatus.DEACTIVATED) {
        members.add(member);
      }
    }
    return members;
  }

  void create(Step.Create step) {
    SplittableRandom r = new SplittableRandom(step.valueSeed());
    String type = step.type().name();
    try {
      switch (step.type()) {
        case COMPANY:
          if (step.side() == Side.SYNERGY) {
            ContactCreate.Builder b = ContactCreate.builder().name(Values.forRule(r, type, "name"));
            setIfNotNull(Values.forRule(r, type, "address"), v -> b.officeAddress(synergyAddress(v)));
            setIfNotNull(Values.forRule(r, type, "email"), b::email);
            setIfNotNull(Values.forRule(r, type, "website"), b::website);
            setIfNotNull(Values.forRule(r, type, "abn"), b::abn);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "phone"), b::phone);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            world.trace("created Synergy contact " + world.synergy.webApp().createContact(b.build()).id());
          } else {
            CompanyCreate.Builder b = CompanyCreate.builder().name(Values.forRule(r, type, "name"));
            setIfNotNull(Values.forRule(r, type, "address"), v -> b.physicalAddress(tinyPlusAddress(v)));
            setIfNotNull(Values.forRule(r, type, "email"), b::email);
            setIfNotNull(Values.forRule(r, type, "website"), b::website);
            setIfNotNull(Values.forRule(r, type, "abn"), b::abn);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "phone"), b::officePhone);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            world.trace("created tiny+ company " + world.tinyPlus.webApp().createCompany(b.build()).id());
          }
          break;
        case CONTACT: {
          String first = Values.forRule(r, type, "firstName");
          String last = Values.forRule(r, type, "lastName");
          if (first == null && last == null) {
            first = "Ann";
          }
          if (step.side() == Side.SYNERGY) {
            Contact parent = World.pick(world.synergy.webApp().contacts(), step.parentPick());
            if (parent == null) {
              world.trace("no Synergy contact to add personnel to");
              return;
            }
            PersonnelCreate.Builder b = PersonnelCreate.builder().parentContactId(parent.id());
            setIfNotNull(first, b::firstName);
            setIfNotNull(last, b::lastName);
            setIfNotNull(Values.forRule(r, type, "title"), b::title);
            setIfNotNull(Values.forRule(r, type, "email"), b::email);
            setIfNotNull(Values.forRule(r, type, "phone"), b::phone);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            world.trace("created Synergy personnel " + world.synergy.webApp().createPersonnel(b.build()).id());
          } else {
            dev.synergylink.tinyplus.ContactCreate.Builder b = dev.synergylink.tinyplus.ContactCreate.builder();
            setIfNotNull(first, b::firstName);
            setIfNotNull(last, b::lastName);
            setIfNotNull(Values.forRule(r, type, "title"), b::role);
            setIfNotNull(Values.forRule(r, type, "email"), b::emailAddress);
            setIfNotNull(Values.forRule(r, type, "phone"), b::direct);
            setIfNotNull(Values.forRule(r, type, "mobile"), b::mobile);
            setIfNotNull(Values.forRule(r, type, "twitter"), b::twitter);
            Company company = step.parentPick() % 5 == 0 ? null : World.pick(liveCompanies(), step.parentPick());
            if (company != null) {
              b.primaryCompany(company.id());
            }
            world.trace("created tiny+ contact " + world.tinyPlus.webApp().createContact(b.build()).id());
          }
          break;
        }
        case PROJECT:
          createProject(step, r);
          break;
        case TEAM_MEMBER: {
          if (step.side() == Side.TINYPLUS) {
            return;
          }
          String first = Values.forRule(r, type, "firstName");
          Staff staff = world.synergy.webApp().addStaff(first == null ? "Pat" : first,
              Values.forRule(r, type, "lastName"),
              Values.forRule(r, type, "email"), SecurityLevel.STANDARD);
          Map<String, Object> more = new LinkedHashMap<>();
          more.put("workPhone", Values.forRule(r, type, "workPhone"));
          more.put("mobile", Values.forRule(r, type, "mobile"));
          more.put("jobTitle", Values.forRule(r, type, "jobTitle"));
          world.synergy.webApp().editStaff(staff.id(), more);
          world.trace("created Synergy staff " + staff.id());
          break;
        }
        default:
          break;
      }
    } catch (IllegalArgumentException e) {
      world.trace("the web app refused a create");
    }
  }

  private void createProject(Step.Create step, SplittableRandom r) {
    String name = Values.forProject(r, "name", step.side());
    String type = Values.forProject(r, "projectType", step.side());
    String manager = Values.forProject(r, "manager", step.side());
    String address = Values.forProject(r, "address", step.side());
    String scope = Values.forProject(r, "scope", step.side());
    int status = r.nextInt(1000);
    String fee = r.nextBoolean() ? null : Values.FEES[r.nextInt(Values.FEES.length)];
    if (step.side() == Side.SYNERGY) {
      Contact client = World.pick(world.synergy.webApp().contacts(), step.parentPick());
      if (client == null) {
        world.trace("no Synergy contact to be a project's client");
        return;
      }
      ProjectCreate.Builder b = ProjectCreate.builder().name(name).statusId(World.pick(activeStatuses(), status).id())
          .primaryContactId(client.id()).projectType(type).address(synergyAddress(address)).scope(scope);
      Staff staff = manager == null ? null : World.pick(activeStaff(), pickOf(manager));
      if (staff != null) {
        b.managerId(staff.id());
      }
      if (fee != null) {
        b.initialFee(new BigDecimal(fee));
      }
      world.trace("created Synergy project " + world.synergy.webApp().createProject(b.build()).id());
    } else {
      ProjectPhase phase = World.pick(world.tinyPlus.webApp().phases(), status);
      dev.synergylink.tinyplus.ProjectCreate.Builder b = dev.synergylink.tinyplus.ProjectCreate.builder().name(name)
          .state(phase.state()).phase(phase.id()).projectType(type).address(tinyPlusAddress(address))
          .description(scope);
      Company company = step.parentPick() % 5 == 0 ? null : World.pick(liveCompanies(), step.parentPick());
      if (company != null) {
        b.clientCompany(company.id());
      }
      TeamMember member = manager == null ? null : World.pick(assignableMembers(), pickOf(manager));
      if (member != null) {
        b.assignedUser(member.id());
      }
      if (fee != null) {
        b.value(new BigDecimal(fee));
      }
      if (r.nextInt(4) == 0) {
        b.projectNumber(Values.PROJECT_NUMBERS[1 + r.nextInt(Values.PROJECT_NUMBERS.length - 1)]);
      }
      long id = world.tinyPlus.webApp().createProject(b.build()).id();
      if (world.inOp) {
        world.touchedInOp.add(id);
      }
      world.trace("created tiny+ project " + id);
    }
  }
  void applyEdit(RecordType type, Side side, long id, String rule, String value) {
    switch (type) {
      case COMPANY:
        if (side == Side.SYNERGY) {
          ContactPatch.Builder b = ContactPatch.builder();
          switch (rule) {
            case "name": b.name(value); break;
            case "address": b.officeAddress(synergyAddress(value)); break;
            case "email": b.email(value); break;
            case "website": b.website(value); break;
            case "abn": b.abn(value); break;
            case "mobile": b.mobile(value); break;
            case "phone": b.phone(value); break;
            default: b.twitter(value); break;
          }
          world.synergy.webApp().editContact(id, b.build());
        } else {
          CompanyPatch.Builder b = CompanyPatch.builder();
          switch (rule) {
            case "name": b.name(value); break;
            case "address": b.physicalAddress(tinyPlusAddress(value)); break;
            case "email": b.email(value); break;
            case "website": b.website(value); break;
            case "abn": b.abn(value); break;
            case "mobile": b.mobile(value); break;
            case "phone": b.officePhone(value); break;
            default: b.twitter(value); break;
          }
          world.tinyPlus.webApp().editCompany(id, b.build());
        }
        break;
      case CONTACT:
        if (side == Side.SYNERGY) {
          Personnel now = world.synergy.webApp().personnel(id);
          if (value == null && (rule.equals("firstName") && now.lastName() == null
              || rule.equals("lastName") && now.firstName() == null)) {
            // a person keeps at least one name, as Synergy asks on create and tiny+ on every write
            throw new IllegalArgumentException("a person needs a name");
          }
          PersonnelPatch.Builder b = PersonnelPatch.builder();
          switch (rule) {
            case "firstName": b.firstName(value); break;
            case "lastName": b.lastName(value); break;
            case "phone": b.phone(value); break;
            case "title": b.title(value); break;
            case "email": b.email(value); break;
            case "website": b.website(value); break;
            case "mobile": b.mobile(value); break;
            case "officePhone": b.officePhone(value); break;
            case "parent": {
              Contact parent = value == null ? null : World.pick(world.synergy.webApp().contacts(), pickOf(value));
              if (parent == null) {
                throw new IllegalArgumentException("no parent");
              }
              b.parentContactId(parent.id());
              break;
            }
            default: b.twitter(value); break;
          }
          world.synergy.webApp().editPersonnel(id, b.build());
        } else {
          dev.synergylink.tinyplus.ContactPatch.Builder b = dev.synergylink.tinyplus.ContactPatch.builder();
          switch (rule) {
            case "firstName": b.firstName(value); break;
            case "lastName": b.lastName(value); break;
            case "phone": b.direct(value); break;
            case "title": b.role(value); break;
            case "email": b.emailAddress(value); break;
            case "website": b.website(value); break;
            case "mobile": b.mobile(value); break;
            case "officePhone": b.officePhone(value); break;
            case "parent": {
              Company company = value == null ? null : World.pick(liveCompanies(), pickOf(value));
              b.primaryCompany(company == null ? null : company.id());
              break;
            }
            default: b.twitter(value); break;
          }
          world.tinyPlus.webApp().editContact(id, b.build());
        }
        break;
      case PROJECT:
        if (side == Side.SYNERGY) {
          editSynergyProject(id, rule, value);
        } else {
          editTinyPlusProject(id, rule, value);
        }
        break;
      case TEAM_MEMBER:
        if (side == Side.SYNERGY) {
          if (rule.equals("name") && value == null && world.synergy.webApp().staffMember(id).lastName() == null) {
            throw new IllegalArgumentException("a staff member needs a name"); // tiny+ team members need one
          }
          Map<String, Object> members = new LinkedHashMap<>();
          members.put(rule.equals("name") ? "firstName" : rule, value);
          world.synergy.webApp().editStaff(id, members);
        } else {
          TeamMemberPatch.Builder b = TeamMemberPatch.builder();
          switch (rule) {
            case "name": b.name(value == null ? "Ghost" : value); break;
            case "email": b.email(value); break;
            case "workPhone": b.direct(value); break;
            case "mobile": b.mobile(value); break;
            default: b.title(value); break;
          }
          world.tinyPlus.webApp().editTeamMember(id, b.build());
        }
        break;
      default:
        break;
    }
  }

  private void editSynergyProject(long id, String rule, String value) {
    ProjectPatch.Builder b = ProjectPatch.builder();
    switch (rule) {
      case "name": b.name(value); break;
      case "status": b.statusId(World.pick(activeStatuses(), pickOf(value)).id()); break;
      case "client": {
        Contact client = World.pick(world.synergy.webApp().contacts(), pickOf(value));
        if (client == null) {
          throw new IllegalArgumentException("no client");
        }
        b.primaryContactId(client.id());
        break;
      }
      case "projectType": b.projectType(value); break;
      case "manager": {
        Staff staff = value == null ? null : World.pick(activeStaff(), pickOf(value));
        b.managerId(staff == null ? null : staff.id());
        break;
      }
      case "address": b.address(synergyAddress(value)); break;
      case "scope": b.scope(value); break;
      case "fee": {
        // the fee is the sum of the stage fees: a person adds, changes or removes a stage
        String[] p = value.split(":");
        List<Stage> stages = world.synergy.webApp().project(id).stages();
        if (p[0].equals("add")) {
          world.synergy.webApp().addStage(id, "Stage " + (stages.size() + 1), new BigDecimal(p[1]));
        } else if (stages.isEmpty()) {
          throw new IllegalArgumentException("no stage");
        } else if (p[0].equals("change")) {
          world.synergy.webApp().changeStageFee(id, World.pick(stages, Integer.parseInt(p[1])).id(),
              new BigDecimal(p[2]));
        } else {
          world.synergy.webApp().removeStage(id, World.pick(stages, Integer.parseInt(p[1])).id());
        }
        return;
      }
      default: throw new IllegalArgumentException("Synergy makes the project number");
    }
    world.synergy.webApp().editProject(id, b.build());
  }

  private void editTinyPlusProject(long id, String rule, String value) {
    dev.synergylink.tinyplus.ProjectPatch.Builder b = dev.synergylink.tinyplus.ProjectPatch.builder();
    switch (rule) {
      case "name": b.name(value); break;
      case "status": {
        // a move between phases, in and out of the locked ones
        ProjectPhase phase = World.pick(world.tinyPlus.webApp().phases(), pickOf(value));
        b.state(phase.state()).phase(phase.id());
        break;
      }
      case "client": {
        Company company = World.pick(liveCompanies(), pickOf(value));
        b.clientCompany(company == null ? null : company.id());
        break;
      }
      case "projectType": b.projectType(value); break;
      case "manager": {
        TeamMember member = value == null ? null : World.pick(assignableMembers(), pickOf(value));
        b.assignedUser(member == null ? null : member.id());
        break;
      }
      case "address": b.address(tinyPlusAddress(value)); break;
      case "scope": b.description(value); break;
      case "fee": b.value(value == null ? null : new BigDecimal(value)); break;
      default: b.projectNumber(value); break;
    }
    world.tinyPlus.webApp().editProject(id, b.build());
  }

  void delete(Step.Delete step) {
    View<?, ?> view = world.views.get(step.type());
    Long id = step.side() == Side.SYNERGY ? view.pickSynergy(step.pick()) : view.pickTinyPlus(step.pick());
    if (id == null) {
      world.trace("nothing to delete");
      return;
    }
    switch (step.type()) {
      case COMPANY:
        if (step.side() == Side.SYNERGY) {
          world.synergy.webApp().deleteContact(id);
        } else {
          world.tinyPlus.webApp().deleteCompany(id);
        }
        break;
      case CONTACT:
        if (step.side() == Side.SYNERGY) {
          world.synergy.webApp().deletePersonnel(id);
        } else {
          world.tinyPlus.webApp().deleteContact(id);
        }
        break;
      case PROJECT:
        if (step.side() == Side.SYNERGY) {
          world.synergy.webApp().deleteProject(id);
        } else {
          world.tinyPlus.webApp().deleteProject(id);
        }
        break;
      default:
        if (step.side() == Side.SYNERGY) {
          world.synergy.webApp().deleteStaff(id);
        }
        break;
    }
    world.trace("deleted " + step.type() + "/" + step.side() + "/" + id);
  }

  List<Company> liveCompanies() {
    List<Company> live = new ArrayList<>();
    for (Company c : world.tinyPlus.webApp().companies()) {
      if (c.recordStatus() != RecordStatus.DELETED) {
        live.add(c);
      }
    }
    return live;
  }

  private static int pickOf(String value) {
    return Integer.parseInt(value.substring("pick:".length()));
  }

  private static void setIfNotNull(String value, java.util.function.Consumer<String> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static String[] parts(String value) {
    String[] p = value.split("\\|", -1);
    for (int i = 0; i < p.length; i++) {
      p[i] = p[i].isEmpty() ? null : p[i];
    }
    return p;
  }

  static dev.synergylink.synergy.Address synergyAddress(String value) {
    if (value == null) {
      return null;
    }
    String[] p = parts(value);
    return dev.synergylink.synergy.Address.builder().address1(p[0]).town(p[1]).state(p[2]).zipCode(p[3])
        .country(p[4]).build();
  }

  static dev.synergylink.tinyplus.Address tinyPlusAddress(String value) {
    if (value == null) {
      return null;
    }
    String[] p = parts(value);
    return dev.synergylink.tinyplus.Address.builder().street(p[0]).suburb(p[1]).state(p[2]).postcode(p[3])
        .country(p[4]).build();
  }
}
