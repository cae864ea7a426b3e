package dev.synergylink.sync.internal.project;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import java.util.function.Supplier;

/** Synergy project requests from the rules' typed members, and counted calls for the projects' look-ups. */
public final class ProjectSides {
  private ProjectSides() {}

  static <X> X synergyCall(ApiCalls calls, Supplier<X> call) {
    try {
      return calls.synergy(call);
    } catch (SynergyApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  static <X> X tinyPlusCall(ApiCalls calls, Supplier<X> call) {
    calls.count(Side.TINYPLUS);
    try {
      return call.get();
    } catch (TinyPlusApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  /**
   * A Synergy project create: the members, {@code initialFee} (tiny+'s value, which Synergy makes a stage named
   * Fee) and the marker.
   *
   * @param members the members from the field rules
   * @param marker the externalReference
   * @return the request
   */
  public static ProjectCreate create(MemberValues<Project> members, String marker) {
    return SynergyMembers.applyToProjectCreate(members, ProjectCreate.builder()).externalReference(marker).build();
  }

  /**
   * A Synergy project patch: never {@code totalFee} or {@code projectNumber}, which are read-only.
   *
   * @param members the members from the field rules
   * @return the request
   */
  public static ProjectPatch patch(MemberValues<Project> members) {
    return SynergyMembers.applyToProject(members, ProjectPatch.builder()).build();
  }
}
