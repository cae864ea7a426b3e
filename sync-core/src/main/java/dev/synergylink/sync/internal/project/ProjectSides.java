package dev.synergylink.sync.internal.project;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

/** Synergy project requests from the rules' members, and counted calls for the projects' look-ups. */
public final class ProjectSides {
  private ProjectSides() {}

  static <X> X synergyCall(ApiCalls calls, Supplier<X> call) {
    calls.count(Side.SYNERGY);
    try {
      return call.get();
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
  public static ProjectCreate create(Map<String, Object> members, String marker) {
    ProjectCreate.Builder b = ProjectCreate.builder();
    members.forEach((name, value) -> {
      if (name.equals("initialFee")) {
        b.initialFee((BigDecimal) value);
      } else {
        member(name, value, b::name, b::statusId, b::primaryContactId, b::projectType, b::managerId, b::address,
            b::scope, b::externalReference);
      }
    });
    return b.externalReference(marker).build();
  }

  /**
   * A Synergy project patch: never {@code totalFee} or {@code projectNumber}, which are read-only.
   *
   * @param members the members from the field rules
   * @return the request
   */
  public static ProjectPatch patch(Map<String, Object> members) {
    ProjectPatch.Builder b = ProjectPatch.builder();
    members.forEach((name, value) -> member(name, value, b::name, b::statusId, b::primaryContactId, b::projectType,
        b::managerId, b::address, b::scope, b::externalReference));
    return b.build();
  }

  private static void member(String name, Object value, java.util.function.Consumer<String> setName,
      java.util.function.LongConsumer statusId, java.util.function.LongConsumer primaryContactId,
      java.util.function.Consumer<String> projectType, java.util.function.Consumer<Long> managerId,
      java.util.function.Consumer<Address> address, java.util.function.Consumer<String> scope,
      java.util.function.Consumer<String> externalReference) {
    switch (name) {
      case "name": setName.accept(required(name, value).toString()); break;
      case "statusId": statusId.accept(((Number) required(name, value)).longValue()); break;
      case "primaryContactId": primaryContactId.accept(((Number) required(name, value)).longValue()); break;
      case "projectType": projectType.accept((String) value); break;
      case "managerId": managerId.accept(value == null ? null : ((Number) value).longValue()); break;
      case "address": address.accept((Address) value); break;
      case "scope": scope.accept((String) value); break;
      case "externalReference": externalReference.accept((String) value); break;
      default: throw new IllegalArgumentException("a field rule wrote the member '" + name + "', which a Synergy"
          + " project request does not have: fix the rule's writer");
    }
  }

  private static Object required(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new SkipRecordException("its " + name + " is empty, and Synergy needs one: fill it in");
    }
    return value;
  }
}
