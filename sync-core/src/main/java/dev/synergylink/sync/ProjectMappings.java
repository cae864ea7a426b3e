package dev.synergylink.sync;

import dev.synergylink.sync.internal.Addresses;
import dev.synergylink.sync.internal.project.ProjectRules;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.FieldWriter;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.synergy.Project;
import java.util.List;

/**
 * The built-in projects mapping: every row of the integration guide's Projects table, with its direction. Status
 * and project type go through {@link SyncSettings#statusMapping()} and {@link SyncSettings#projectTypeMapping()};
 * client and project manager through the company and team member links.
 *
 * <table>
 * <caption>Rules (name: Synergy field, direction, tiny+ field)</caption>
 * <tr><td>{@code name}</td><td>name &lt;&gt; name</td></tr>
 * <tr><td>{@code status}</td><td>statusId &lt;&gt; state and phase, through the status mapping</td></tr>
 * <tr><td>{@code projectNumber}</td><td>projectNumber &gt; project_number (a tiny+ edit is put back)</td></tr>
 * <tr><td>{@code client}</td><td>primaryContactId &lt;&gt;* client_company (the company is synced first when it is
 * not yet; a project without one is not sent)</td></tr>
 * <tr><td>{@code projectType}</td><td>projectType &lt;&gt; project_type, through the type mapping (new types are
 * registered in tiny+)</td></tr>
 * <tr><td>{@code manager}</td><td>managerId &lt;&gt; assigned_user, through the staff links; a manager or assignee
 * that is empty or not linked defaults to the activating user (see {@link #managerWithoutDefault()})</td></tr>
 * <tr><td>{@code address}</td><td>address &lt;&gt; address</td></tr>
 * <tr><td>{@code fee}</td><td>totalFee &lt;&gt;* value (tiny+'s value is the {@code initialFee} of a new Synergy
 * project; after that the sum of Synergy's stage fees)</td></tr>
 * <tr><td>{@code scope}</td><td>scope &lt;&gt; description</td></tr>
 * <tr><td>{@code externalUrl}</td><td>(web link) &gt; external_url</td></tr>
 * </table>
 *
 * <p>The status rule compares in Synergy's terms: several tiny+ phases may map to one Synergy status (a project
 * moving between them in tiny+ sends nothing), but when two Synergy statuses map to one tiny+ phase, the phase
 * reads back as the status it maps to.
 */
public final class ProjectMappings {
  private ProjectMappings() {}

  /**
   * The {@code manager} rule without the guide's default, for a host that would rather leave a Synergy manager as it
   * is than name the activating user. The built-in rule follows the integration guide: a tiny+ project with no
   * assignee, or one whose assignee is linked with no staff member, gets the staff member linked with {@link
   * SyncSettings#activatingUser()} as its Synergy manager; a Synergy project with no manager, or one linked with no
   * team member, gets the activating user as its tiny+ assignee; each default is reported as a
   * {@link RecordOutcome#FIELD_NOT_SYNCED} note on the project's field {@code manager}, whose message says it
   * defaulted to the activating user. This rule instead leaves the Synergy manager as it is for an unlinked assignee
   * (reported as not synced), and empties the other side's manager for an empty one; a Synergy manager linked with no
   * team member still becomes the activating user in tiny+, which has nobody else to name. The two sides are then
   * left apart, quiet until either is changed.
   *
   * <pre>{@code
   * SyncEngine engine = SyncEngine.builder()
   *     .projectMapping(ProjectMappings.projects().withRule(ProjectMappings.managerWithoutDefault()))
   *     ...
   * }</pre>
   *
   * @return the rule, named {@code manager}, to put in place of the built-in one with {@link FieldMapping#withRule}
   */
  public static FieldRule<Project, dev.synergylink.tinyplus.Project> managerWithoutDefault() {
    return manager(ProjectRules::writeSynergyManagerWithoutDefault, ProjectRules::writeTinyPlusManagerWithoutDefault);
  }

  private static FieldRule<Project, dev.synergylink.tinyplus.Project> manager(FieldWriter<Project> synergy,
      FieldWriter<dev.synergylink.tinyplus.Project> tinyPlus) {
    return FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("manager")
        .synergy("managerId", ProjectRules::readSynergyManager, synergy)
        .tinyPlus("assigned_user", ProjectRules::readTinyPlusManager, tinyPlus)
        .normaliser(Normaliser.none())
        .build();
  }

  /**
   * Synergy projects &lt;&gt; tiny+ projects.
   *
   * @return the mapping
   */
  public static FieldMapping<Project, dev.synergylink.tinyplus.Project> projects() {
    return FieldMapping.of(List.of(
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("name")
            .synergy(SynergyMembers.PROJECT_NAME, Project::name)
            .tinyPlus(TinyPlusMembers.PROJECT_NAME, dev.synergylink.tinyplus.Project::name)
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("status")
            .synergy("statusId", ProjectRules::readSynergyStatus, ProjectRules::writeSynergyStatus)
            .tinyPlus("state", ProjectRules::readTinyPlusStatus, ProjectRules::writeTinyPlusStatus)
            .normaliser(Normaliser.none())
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("projectNumber")
            .synergy("projectNumber", (p, ctx) -> p.projectNumber(), null)
            .tinyPlus(TinyPlusMembers.PROJECT_PROJECT_NUMBER, dev.synergylink.tinyplus.Project::projectNumber)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("client")
            .synergy("primaryContactId", (p, ctx) -> Long.toString(p.primaryContactId()),
                ProjectRules::writeSynergyClient)
            .tinyPlus("client_company", ProjectRules::readTinyPlusClient, ProjectRules::writeTinyPlusClient)
            .normaliser(Normaliser.none())
            .direction(Direction.SYNERGY_AFTER_CREATE)
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("projectType")
            .synergy("projectType", (p, ctx) -> p.projectType(), ProjectRules::writeSynergyType)
            .tinyPlus("project_type", ProjectRules::readTinyPlusType, ProjectRules::writeTinyPlusType)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        manager(ProjectRules::writeSynergyManager, ProjectRules::writeTinyPlusManager),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("address")
            .synergy("address", (p, ctx) -> Addresses.fromSynergy(p.address()),
                (value, out, ctx) -> out.set(SynergyMembers.PROJECT_ADDRESS, Addresses.toSynergy(value)))
            .tinyPlus("address", (t, ctx) -> Addresses.fromTinyPlus(t.address()),
                (value, out, ctx) -> out.set(TinyPlusMembers.PROJECT_ADDRESS, Addresses.toTinyPlus(value)))
            .normaliser(Addresses.normaliser())
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("fee")
            .synergy("totalFee", (p, ctx) -> p.totalFee().toPlainString(), ProjectRules::writeSynergyFee)
            .tinyPlus("value", (t, ctx) -> t.value() == null ? null : t.value().toPlainString(),
                ProjectRules::writeTinyPlusFee)
            .normaliser(Normaliser.decimal(2))
            .direction(Direction.SYNERGY_AFTER_CREATE)
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("scope")
            .synergy(SynergyMembers.PROJECT_SCOPE, Project::scope)
            .tinyPlus(TinyPlusMembers.PROJECT_DESCRIPTION, dev.synergylink.tinyplus.Project::description)
            .normaliser(Normaliser.multiline())
            .build(),
        FieldRule.<Project, dev.synergylink.tinyplus.Project>builder("externalUrl")
            .synergy("(web link)", (p, ctx) -> ctx.synergyWebLink(RecordType.PROJECT, p.id()), null)
            .tinyPlus(TinyPlusMembers.EXTERNAL_URL, dev.synergylink.tinyplus.Project::externalUrl)
            .normaliser(Normaliser.none())
            .direction(Direction.TO_TINYPLUS)
            .build()));
  }
}
