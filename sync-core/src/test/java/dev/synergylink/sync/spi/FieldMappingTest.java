package dev.synergylink.sync.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.tinyplus.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMappingTest {
  @Test
  void theContactsMappingSyncsTitleAndRole() {
    FieldRule<Personnel, Contact> title = FieldMappings.contacts().rule("title").orElseThrow();

    assertThat(title.direction()).isEqualTo(Direction.BOTH);
    assertThat(title.synergyField()).isEqualTo("title");
    assertThat(title.tinyPlusField()).isEqualTo("role");
  }

  @Test
  void aHostCanSwitchARuleOffOrReplaceIt() {
    FieldMapping<Personnel, Contact> mapping = FieldMappings.contacts().withDirection("title", Direction.NONE);
    assertThat(mapping.rule("title").orElseThrow().direction()).isEqualTo(Direction.NONE);
    assertThat(FieldMappings.contacts().rule("title").orElseThrow().direction()).isEqualTo(Direction.BOTH);
    assertThat(mapping.without("title").rule("title")).isEmpty();
    assertThat(mapping.rules()).extracting(FieldRule::name).startsWith("firstName", "lastName", "phone", "title");

    assertThatThrownBy(() -> mapping.withDirection("nickname", Direction.BOTH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field rule named 'nickname'");
  }

  @Test
  void lockedFieldsAreTheOnesSynergyOwns() {
    assertThat(FieldMappings.companies().lockedTinyPlusFields()).containsExactly("external_url");
    assertThat(FieldMappings.companies().withDirection("abn", Direction.SYNERGY_AFTER_CREATE).lockedTinyPlusFields())
        .containsExactly("abn", "external_url");
  }

  @Test
  void aRuleBuiltByAHostReadsAndWritesThroughMembers() {
    FieldRule<Personnel, Contact> rule = FieldRule.<Personnel, Contact>builder("nickname")
        .synergy(SynergyMembers.PERSONNEL_TITLE, Personnel::title)
        .tinyPlus(TinyPlusMembers.CONTACT_ROLE, Contact::role)
        .normaliser(Normaliser.caseInsensitive())
        .build();
    MemberValues<Contact> members = MemberValues.create();
    rule.writeTinyPlus("Boss", members, null);

    assertThat(members.names()).containsExactly("role");
    assertThat(members.get(TinyPlusMembers.CONTACT_ROLE)).isEqualTo("Boss");
    assertThat(rule.tinyPlusField()).isEqualTo("role");
    assertThat(rule.normalise(" BOSS ")).isEqualTo("boss");
    assertThatThrownBy(() -> FieldMapping.of(List.of(rule, rule)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two field rules are named 'nickname'");
    assertThatThrownBy(() -> FieldRule.<Personnel, Contact>builder("x")
            .tinyPlus(TinyPlusMembers.CONTACT_ROLE, Contact::role).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Synergy field");
  }

  @Test
  void theContactsMappingKeepsAtLeastOneOfFirstAndLastName() {
    FieldMapping<Personnel, Contact> contacts = FieldMappings.contacts();
    assertThat(contacts.atLeastOneOf()).containsExactly(List.of("firstName", "lastName"));
    assertThat(FieldMappings.companies().atLeastOneOf()).isEmpty();

    // the group survives other changes, loses a rule taken out, and is dropped once fewer than two are left
    assertThat(contacts.withDirection("title", Direction.NONE).atLeastOneOf())
        .containsExactly(List.of("firstName", "lastName"));
    assertThat(contacts.without("lastName").atLeastOneOf()).isEmpty();
    assertThat(contacts.without("title").withAtLeastOneOf("phone", "mobile", "officePhone").atLeastOneOf())
        .containsExactly(List.of("firstName", "lastName"), List.of("phone", "mobile", "officePhone"));
    assertThat(contacts.withAtLeastOneOf("phone", "mobile", "officePhone").without("mobile").atLeastOneOf())
        .containsExactly(List.of("firstName", "lastName"), List.of("phone", "officePhone"));
  }

  @Test
  void aGroupNeedsTwoDifferentRulesOfTheMapping() {
    FieldMapping<Personnel, Contact> contacts = FieldMappings.contacts();
    assertThatThrownBy(() -> contacts.withAtLeastOneOf("firstName"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two different rule names");
    assertThatThrownBy(() -> contacts.withAtLeastOneOf("firstName", "firstName"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two different rule names");
    assertThatThrownBy(() -> contacts.withAtLeastOneOf("firstName", "nickname"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field rule named 'nickname'");
  }
}
