package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.ImmutableContact;
import dev.synergylink.synergy.ImmutablePersonnel;
import dev.synergylink.synergy.ImmutableProject;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyContacts;
import dev.synergylink.synergy.SynergyPersonnel;
import dev.synergylink.synergy.SynergyProjects;
import dev.synergylink.synergy.SynergyStaff;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * A preview's Synergy client: reads go to the real client, creates and patches are kept in {@link PreviewWrites} and
 * answered with the record as it would read after them. Not thread-safe: one preview runs on one thread.
 */
final class PreviewSynergy implements SynergyClient {
  private final SynergyClient real;
  private final PreviewWrites writes;

  PreviewSynergy(SynergyClient real, PreviewWrites writes) {
    this.real = real;
    this.writes = writes;
  }

  @Override
  public String organisation() {
    return real.organisation();
  }

  @Override
  public long requestsSentOnThisThread() {
    return real.requestsSentOnThisThread();
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

  @Override
  public SynergyContacts contacts() {
    SynergyContacts contacts = real.contacts();
    return new SynergyContacts() {
      @Override
      public Page<Contact> list(ContactQuery query) {
        return listed(RecordType.COMPANY, contacts.list(query), Contact::id);
      }

      @Override
      public Contact get(long id) {
        return read(RecordType.COMPANY, id, contacts::get);
      }

      @Override
      public Contact create(ContactCreate request) {
        return writes.create(RecordType.COMPANY, Side.SYNERGY, ImmutableContact.builder().name("")
            .contactType(dev.synergylink.synergy.ContactType.COMPANY).isActive(true), request.members(),
            Contact.class);
      }

      @Override
      public Contact patch(long id, ContactPatch request) {
        Contact current = current(RecordType.COMPANY, id, this::get);
        return writes.patch(RecordType.COMPANY, Side.SYNERGY, id, current, ImmutableContact.builder().from(current),
            request.members(), Contact.class);
      }
    };
  }

  @Override
  public SynergyPersonnel personnel() {
    SynergyPersonnel personnel = real.personnel();
    return new SynergyPersonnel() {
      @Override
      public Page<Personnel> list(PersonnelQuery query) {
        return listed(RecordType.CONTACT, personnel.list(query), Personnel::id);
      }

      @Override
      public Personnel get(long id) {
        return read(RecordType.CONTACT, id, personnel::get);
      }

      @Override
      public Personnel create(PersonnelCreate request) {
        return writes.create(RecordType.CONTACT, Side.SYNERGY, ImmutablePersonnel.builder().parentContactId(0)
            .isActive(true), request.members(), Personnel.class);
      }

      @Override
      public Personnel patch(long id, PersonnelPatch request) {
        Personnel current = current(RecordType.CONTACT, id, this::get);
        return writes.patch(RecordType.CONTACT, Side.SYNERGY, id, current,
            ImmutablePersonnel.builder().from(current), request.members(), Personnel.class);
      }
    };
  }

  @Override
  public SynergyProjects projects() {
    SynergyProjects projects = real.projects();
    return new SynergyProjects() {
      @Override
      public Page<Project> list(ProjectQuery query) {
        return listed(RecordType.PROJECT, projects.list(query), Project::id);
      }

      @Override
      public Project get(long id) {
        return read(RecordType.PROJECT, id, projects::get);
      }

      @Override
      public Project create(ProjectCreate request) {
        // Synergy gives a new project its number: a preview has none to show
        return writes.create(RecordType.PROJECT, Side.SYNERGY, ImmutableProject.builder().projectNumber("").name("")
            .statusId(0).statusType(StatusType.UNKNOWN).primaryContactId(0).totalFee(BigDecimal.ZERO).isActive(true),
            request.members(), Project.class);
      }

      @Override
      public Project patch(long id, ProjectPatch request) {
        Project current = current(RecordType.PROJECT, id, this::get);
        return writes.patch(RecordType.PROJECT, Side.SYNERGY, id, current, ImmutableProject.builder().from(current),
            request.members(), Project.class);
      }
    };
  }

  private <R> Page<R> listed(RecordType type, Page<R> page, ToLongFunction<R> id) {
    writes.read(type, Side.SYNERGY, page.items(), id);
    return page;
  }

  private <R> R read(RecordType type, long id, LongFunction<R> get) {
    Object known = PreviewWrites.placeholder(id) ? writes.known(type, Side.SYNERGY, id) : null;
    @SuppressWarnings("unchecked")
    R record = known != null ? (R) known : get.apply(id);
    return writes.read(type, Side.SYNERGY, id, record);
  }

  /** The record a patch applies to: as last read or written by this preview (no second read), else read now. */
  private <R> R current(RecordType type, long id, LongFunction<R> get) {
    @SuppressWarnings("unchecked")
    R known = (R) writes.known(type, Side.SYNERGY, id);
    return known != null ? known : get.apply(id);
  }
}
