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

    assertThat(e.problems()).hasSize(7);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("connectionId is blank"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("synergyOrganisation 'acme architects!'"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("pageSize must be 1 to 100"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("lookback must be at least 6 s"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Contacts sync needs the Companies sync"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Project sync needs the Companies sync"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("Project sync needs activatingUser"));
    assertThat(e.getMessage()).startsWith("Invalid sync settings (7 problems):");
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
        .build();

    assertThat(settings.isEnabled(RecordType.PROJECT)).isTrue();
  }
}
