package dev.synergylink.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncSettingsTest {
  private static ImmutableSyncSettings.Builder valid() {
    return SyncSettings.builder().connectionId("acme").synergyOrganisation("acme-architects");
  }

  @Test
  void defaultsAreSafe() {
    SyncSettings settings = valid().build();

    assertThat(settings.masterSwitch()).isFalse();
    assertThat(settings.enabledTypes()).isEmpty();
    assertThat(settings.lookback()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.pageSize()).isEqualTo(100);
    assertThat(settings.syncOrigin()).isEqualTo("synergy:acme-architects");
  }

  @Test
  void everyProblemIsListedWithHowToFixIt() {
    SyncSettingsException e = catchThrowableOfType(SyncSettingsException.class, () -> SyncSettings.builder()
        .connectionId(" ")
        .synergyOrganisation("acme architects!")
        .pageSize(500)
        .lookback(Duration.ofSeconds(1))
        .addEnabledTypes(RecordType.CONTACT, RecordType.PROJECT)
        .build());

    assertThat(e.problems()).hasSize(8);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("connectionId is blank"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("synergyOrganisation 'acme architects!'"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("pageSize must be 1 to 100"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("lookback must be at least 6 s"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Contacts sync needs the Companies sync"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Project sync needs the Companies sync"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Project sync needs activatingUser"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Project sync needs statusMapping"));
    assertThat(e.getMessage()).startsWith("Invalid sync settings (8 problems):");
  }

  @Test
  void oneProblemReadsAsOneSentence() {
    assertThatThrownBy(() -> valid().addEnabledTypes(RecordType.CONTACT).build())
        .isInstanceOf(SyncSettingsException.class)
        .hasMessage("Invalid sync settings: Contacts sync needs the Companies sync enabled first: a contact is synced"
            + " only with its related company");
  }

  @Test
  void projectsWithCompaniesAndAnActivatingUserAreValid() {
    SyncSettings settings = valid().addEnabledTypes(RecordType.COMPANY, RecordType.PROJECT).activatingUser(7L)
        .statusMapping(StatusMapping.builder().build())
        .build();

    assertThat(settings.isEnabled(RecordType.PROJECT)).isTrue();
  }

  @Test
  void missingAndNullValuesAreListedAsProblemsNotThrownRaw() {
    // Given a builder with the required values left out and the defaulted ones set to null
    SyncSettingsException e = catchThrowableOfType(SyncSettingsException.class, () -> SyncSettings.builder()
        .lookback(null)
        .leaseDuration(null)
        .retryDelay(null)
        .maxRetryDelay(null)
        .projectTypeMapping(null)
        .synergyWebAddress(null)
        .build());

    // Then one SyncSettingsException lists each of them
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(8);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("connectionId is missing"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("synergyOrganisation is missing"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("lookback is null"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("leaseDuration is null"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("retryDelay is null"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("maxRetryDelay is null"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("projectTypeMapping is null"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("synergyWebAddress 'null'"));
  }

  @Test
  void durationsOfYearsAreRefusedAtBuildNotAtEverySync() {
    // Given durations a clock cannot add to an instant
    Duration ages = Duration.ofSeconds(Long.MAX_VALUE / 2);

    // When the settings are built
    SyncSettingsException e = catchThrowableOfType(SyncSettingsException.class, () -> valid()
        .lookback(ages)
        .leaseDuration(ages)
        .retryDelay(Duration.ofDays(8))
        .maxRetryDelay(ages)
        .build());

    // Then each is listed with its bound
    assertThat(e).isNotNull();
    assertThat(e.problems()).containsExactlyInAnyOrder(
        e.problems().stream().filter(p -> p.startsWith("lookback must be at most 1 hour")).findFirst().orElse("lb"),
        e.problems().stream().filter(p -> p.startsWith("leaseDuration must be at most 24 hours")).findFirst()
            .orElse("lease"),
        e.problems().stream().filter(p -> p.startsWith("retryDelay must be at most 7 days")).findFirst()
            .orElse("retry"),
        e.problems().stream().filter(p -> p.startsWith("maxRetryDelay must be at most 7 days")).findFirst()
            .orElse("max"));
  }

  @Test
  void theUpperBoundsThemselvesAreAccepted() {
    SyncSettings settings = valid().lookback(SyncSettings.MAXIMUM_LOOKBACK)
        .leaseDuration(SyncSettings.MAXIMUM_LEASE_DURATION)
        .retryDelay(SyncSettings.MAXIMUM_RETRY_DELAY)
        .maxRetryDelay(SyncSettings.MAXIMUM_RETRY_DELAY)
        .build();

    assertThat(settings.leaseDuration()).isEqualTo(Duration.ofHours(24));
  }
}
