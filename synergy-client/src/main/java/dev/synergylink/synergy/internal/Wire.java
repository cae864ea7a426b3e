package dev.synergylink.synergy.internal;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactType;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StatusType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON shapes of the contract and their mapping to the model. Wire types have boxed, nullable fields so that
 * a missing required member is reported by name instead of read as zero; unknown members are ignored.
 */
final class Wire {
  static final Moshi MOSHI = new Moshi.Builder().add(new BigDecimalAdapter()).build();

  static final BodyReader<CurrentUser> CURRENT_USER = reader(WireCurrentUser.class, Wire::currentUser);
  /** Statuses are settings, not records: one that cannot be read fails the call rather than vanish. */
  static final BodyReader<List<ProjectStatus>> PROJECT_STATUSES =
      listReader(WireProjectStatus.class, Wire::projectStatus, page -> {
        if (!page.undecodable().isEmpty()) {
          throw new JsonDataException(page.undecodable().get(0).reason());
        }
        return page.items();
      });
  static final BodyReader<Project> PROJECT = reader(WireProject.class, Wire::project);
  static final BodyReader<Page<Project>> PROJECT_PAGE = listReader(WireProject.class, Wire::project, p -> p);
  static final BodyReader<Contact> CONTACT = reader(WireContact.class, Wire::contact);
  static final BodyReader<Page<Contact>> CONTACT_PAGE = listReader(WireContact.class, Wire::contact, p -> p);
  static final BodyReader<Personnel> PERSONNEL = reader(WirePersonnel.class, Wire::personnel);
  static final BodyReader<Page<Personnel>> PERSONNEL_PAGE =
      listReader(WirePersonnel.class, Wire::personnel, p -> p);
  static final BodyReader<Staff> STAFF = reader(WireStaff.class, Wire::staff);
  static final BodyReader<Page<Staff>> STAFF_PAGE = listReader(WireStaff.class, Wire::staff, p -> p);
  static final JsonAdapter<WireError> ERROR = MOSHI.adapter(WireError.class);
  static final JsonAdapter<WireOAuthError> OAUTH_ERROR = MOSHI.adapter(WireOAuthError.class);

  private Wire() {}

  static BodyReader<OAuthTokens> tokens(Clock clock) {
    return reader(WireTokens.class, wire -> OAuthTokens.builder()
        .accessToken(required(wire.access_token, "access_token"))
        .refreshToken(required(wire.refresh_token, "refresh_token"))
        .expiresAt(clock.instant().plus(Duration.ofSeconds(required(wire.expires_in, "expires_in"))))
        .organisation(wire.organisation)
        .build());
  }

  private static <W, T> BodyReader<T> reader(Class<W> type, Function<W, T> map) {
    JsonAdapter<W> adapter = MOSHI.adapter(type);
    return body -> map.apply(present(adapter.fromJson(body)));
  }

  private static <W, T, R> BodyReader<R> listReader(Class<W> type, Function<W, T> map,
      Function<Page<T>, R> finish) {
    BodyReader<Page<T>> pages = PageReader.of(MOSHI.adapter(type), item -> map.apply(present(item)));
    return body -> finish.apply(pages.read(body));
  }

  static <W> W present(W value) {
    if (value == null) {
      throw new JsonDataException("expected an object but was null");
    }
    return value;
  }

  static <V> V required(V value, String member) {
    if (value == null) {
      throw new WireFault(member, "required member '" + member + "' is missing or null");
    }
    return value;
  }

  private static Instant instant(String value, String member) {
    try {
      return Instant.parse(required(value, member));
    } catch (DateTimeException e) {
      throw new WireFault(member, member + " is not an ISO-8601 instant such as 2026-11-28T01:02:03.456Z");
    }
  }

  private static CurrentUser currentUser(WireCurrentUser w) {
    return CurrentUser.builder()
        .staffId(required(w.staffId, "staffId"))
        .firstName(w.firstName)
        .lastName(w.lastName)
        .email(w.email)
        .securityLevel(SecurityLevel.fromWireName(required(w.securityLevel, "securityLevel")))
        .build();
  }

  private static ProjectStatus projectStatus(WireProjectStatus w) {
    return ProjectStatus.builder()
        .id(required(w.id, "id"))
        .name(required(w.name, "name"))
        .statusType(StatusType.fromWireName(required(w.statusType, "statusType")))
        .likelihood(w.likelihood)
        .isActive(required(w.isActive, "isActive"))
        .build();
  }

  private static Address address(WireAddress w) {
    return w == null ? null : Address.builder().address1(w.address1).address2(w.address2).town(w.town)
        .state(w.state).zipCode(w.zipCode).country(w.country).build();
  }

  private static Project project(WireProject w) {
    List<Stage> stages = new ArrayList<>();
    if (w.stages != null) {
      for (WireStage stage : w.stages) {
        stages.add(Stage.builder().id(required(stage.id, "stages[].id"))
            .name(required(stage.name, "stages[].name")).fee(required(stage.fee, "stages[].fee")).build());
      }
    }
    return Project.builder()
        .id(required(w.id, "id"))
        .projectNumber(required(w.projectNumber, "projectNumber"))
        .name(required(w.name, "name"))
        .statusId(required(w.statusId, "statusId"))
        .status(w.status)
        .statusType(StatusType.fromWireName(required(w.statusType, "statusType")))
        .primaryContactId(required(w.primaryContactId, "primaryContactId"))
        .projectType(w.projectType)
        .managerId(w.managerId)
        .address(address(w.address))
        .scope(w.scope)
        .totalFee(required(w.totalFee, "totalFee"))
        .stages(stages)
        .externalReference(w.externalReference)
        .isActive(required(w.isActive, "isActive"))
        .createdDate(instant(w.createdDate, "createdDate"))
        .modifiedDate(instant(w.modifiedDate, "modifiedDate"))
        .build();
  }

  private static Contact contact(WireContact w) {
    return Contact.builder()
        .id(required(w.id, "id"))
        .contactType(ContactType.fromWireName(required(w.contactType, "contactType")))
        .name(required(w.name, "name"))
        .officeAddress(address(w.officeAddress))
        .email(w.email)
        .website(w.website)
        .abn(w.abn)
        .mobile(w.mobile)
        .phone(w.phone)
        .twitter(w.twitter)
        .externalReference(w.externalReference)
        .isActive(required(w.isActive, "isActive"))
        .createdDate(instant(w.createdDate, "createdDate"))
        .modifiedDate(instant(w.modifiedDate, "modifiedDate"))
        .build();
  }

  private static Personnel personnel(WirePersonnel w) {
    return Personnel.builder()
        .id(required(w.id, "id"))
        .parentContactId(required(w.parentContactId, "parentContactId"))
        .firstName(w.firstName)
        .lastName(w.lastName)
        .title(w.title)
        .phone(w.phone)
        .email(w.email)
        .website(w.website)
        .mobile(w.mobile)
        .officePhone(w.officePhone)
        .twitter(w.twitter)
        .externalReference(w.externalReference)
        .isActive(required(w.isActive, "isActive"))
        .createdDate(instant(w.createdDate, "createdDate"))
        .modifiedDate(instant(w.modifiedDate, "modifiedDate"))
        .build();
  }

  private static Staff staff(WireStaff w) {
    return Staff.builder()
        .id(required(w.id, "id"))
        .firstName(w.firstName)
        .lastName(w.lastName)
        .email(w.email)
        .workPhone(w.workPhone)
        .mobile(w.mobile)
        .jobTitle(w.jobTitle)
        .securityLevel(SecurityLevel.fromWireName(required(w.securityLevel, "securityLevel")))
        .isActive(required(w.isActive, "isActive"))
        .createdDate(instant(w.createdDate, "createdDate"))
        .modifiedDate(instant(w.modifiedDate, "modifiedDate"))
        .build();
  }

  /**
   * Numbers as exact decimals: money never passes through a double. A number is refused, naming its member, when
   * it is outside what either system can hold ({@link SynergyContract#isHoldable}); its text is checked for length
   * before it is parsed, and NaN or an infinity is no number.
   */
  static final class BigDecimalAdapter {
    @FromJson
    BigDecimal fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      String member = memberAt(reader.getPath());
      JsonReader.Token token = reader.peek();
      if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
        throw new WireFault(member, member + " is not a number (it is " + token + ")");
      }
      String text = reader.nextString();
      if (text.length() > SynergyContract.MAX_NUMBER_LENGTH) {
        throw new WireFault(member, member + " is not a number of at most " + SynergyContract.MAX_NUMBER_LENGTH
            + " characters");
      }
      BigDecimal number;
      try {
        number = new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw new WireFault(member, member + " is not a number");
      }
      if (!SynergyContract.isHoldable(number)) {
        throw new WireFault(member, member + " is a number outside what a fee can hold (at most "
            + SynergyContract.MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + SynergyContract.MAX_FRACTION_DIGITS + " after)");
      }
      return number;
    }

    /** {@code $.items[3].stages[0].fee} as {@code stages[0].fee}; a path outside a list as it is, less {@code $.}. */
    private static String memberAt(String path) {
      String member = path.replaceFirst("^\\$\\.items\\[\\d+\\]\\.", "");
      return member.startsWith("$.") ? member.substring(2) : member;
    }

    @ToJson
    String toJson(BigDecimal value) {
      return value.toPlainString();
    }
  }

  static final class WireList<T> {
    List<T> items;
    Long totalItems;
  }

  static final class WireCurrentUser {
    Long staffId;
    String firstName;
    String lastName;
    String email;
    String securityLevel;
  }

  static final class WireProjectStatus {
    Long id;
    String name;
    String statusType;
    Integer likelihood;
    Boolean isActive;
  }

  static final class WireAddress {
    String address1;
    String address2;
    String town;
    String state;
    String zipCode;
    String country;
  }

  static final class WireStage {
    Long id;
    String name;
    BigDecimal fee;
  }

  static final class WireProject {
    Long id;
    String projectNumber;
    String name;
    Long statusId;
    String status;
    String statusType;
    Long primaryContactId;
    String projectType;
    Long managerId;
    WireAddress address;
    String scope;
    BigDecimal totalFee;
    List<WireStage> stages;
    String externalReference;
    Boolean isActive;
    String createdDate;
    String modifiedDate;
  }

  static final class WireContact {
    Long id;
    String contactType;
    String name;
    WireAddress officeAddress;
    String email;
    String website;
    String abn;
    String mobile;
    String phone;
    String twitter;
    String externalReference;
    Boolean isActive;
    String createdDate;
    String modifiedDate;
  }

  static final class WirePersonnel {
    Long id;
    Long parentContactId;
    String firstName;
    String lastName;
    String title;
    String phone;
    String email;
    String website;
    String mobile;
    String officePhone;
    String twitter;
    String externalReference;
    Boolean isActive;
    String createdDate;
    String modifiedDate;
  }

  static final class WireStaff {
    Long id;
    String firstName;
    String lastName;
    String email;
    String workPhone;
    String mobile;
    String jobTitle;
    String securityLevel;
    Boolean isActive;
    String createdDate;
    String modifiedDate;
  }

  static final class WireError {
    String message;
    Map<String, List<String>> errors;
    String requestId;
  }

  @SuppressWarnings("checkstyle:MemberName") // the contract's snake_case names
  static final class WireOAuthError {
    String error;
    String error_description;
  }

  @SuppressWarnings("checkstyle:MemberName")
  static final class WireTokens {
    String access_token;
    String refresh_token;
    Long expires_in;
    String token_type;
    String organisation;
  }
}
