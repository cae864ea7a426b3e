package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws a run's steps from its seed. The same seed and length give the same steps. */
final class StepGenerator {
  private static final RecordType[] TYPES = World.PROJECTS
      ? new RecordType[] {RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.COMPANY, RecordType.CONTACT,
          RecordType.CONTACT, RecordType.PROJECT, RecordType.PROJECT, RecordType.PROJECT}
      : new RecordType[] {RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.COMPANY, RecordType.CONTACT,
          RecordType.CONTACT};
  /** Project rules a person edits; in Synergy "fee" is a stage change and "projectNumber" is read-only. */
  private static final String[] PROJECT_RULES = {"name", "status", "status", "client", "projectType", "manager",
      "address", "fee", "scope", "projectNumber"};
  /** The project rules both sides edit (the ones that flow both ways). */
  private static final String[] PROJECT_BOTH_RULES = {"name", "status", "projectType", "manager", "address",
      "scope"};
  private static final String[] COMPANY_RULES = {"name", "address", "email", "website", "abn", "mobile", "phone",
      "twitter"};
  private static final String[] CONTACT_RULES = {"firstName", "lastName", "phone", "title", "email", "website",
      "mobile", "officePhone", "twitter", "parent"};
  private static final String[] TEAM_MEMBER_RULES = {"name", "email", "workPhone", "mobile", "jobTitle"};
  private static final String[] SYNERGY_OPERATIONS = World.PROJECTS
      ? new String[] {"LIST_CONTACTS", "CREATE_CONTACT", "GET_CONTACT", "PATCH_CONTACT", "LIST_PERSONNEL",
          "CREATE_PERSONNEL", "GET_PERSONNEL", "PATCH_PERSONNEL", "LIST_STAFF", "GET_STAFF", "LIST_PROJECTS",
          "CREATE_PROJECT", "GET_PROJECT", "PATCH_PROJECT", "LIST_PROJECT_STATUSES"}
      : new String[] {"LIST_CONTACTS", "CREATE_CONTACT", "GET_CONTACT", "PATCH_CONTACT", "LIST_PERSONNEL",
          "CREATE_PERSONNEL", "GET_PERSONNEL", "PATCH_PERSONNEL", "LIST_STAFF", "GET_STAFF"};
  private static final String[] TINYPLUS_OPERATIONS = World.PROJECTS
      ? new String[] {"LIST_COMPANIES", "CREATE_COMPANY", "GET_COMPANY", "PATCH_COMPANY", "LIST_CONTACTS",
          "CREATE_CONTACT", "GET_CONTACT", "PATCH_CONTACT", "LIST_TEAM_MEMBERS", "CREATE_TEAM_MEMBER",
          "GET_TEAM_MEMBER", "PATCH_TEAM_MEMBER", "LIST_PROJECTS", "CREATE_PROJECT", "GET_PROJECT", "PATCH_PROJECT",
          "LIST_PROJECT_PHASES", "LIST_PROJECT_TYPES"}
      : new String[] {"LIST_COMPANIES", "CREATE_COMPANY", "GET_COMPANY", "PATCH_COMPANY", "LIST_CONTACTS",
          "CREATE_CONTACT", "GET_CONTACT", "PATCH_CONTACT", "LIST_TEAM_MEMBERS", "CREATE_TEAM_MEMBER",
          "GET_TEAM_MEMBER", "PATCH_TEAM_MEMBER"};

  private StepGenerator() {}

  /** The steps of a run of {@code seed}, drawn independently of the world's own draws. */
  static List<Step> steps(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5851F42D4C957F2DL);
    List<Step> steps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      steps.add(next(random));
    }
    return steps;
  }

  static Step next(SplittableRandom r) {
    int roll = r.nextInt(100);
    if (roll < 14) {
      return personEdit(r);
    }
    if (roll < 22) {
      RecordType type = TYPES[r.nextInt(TYPES.length)];
      Side side = type == RecordType.TEAM_MEMBER ? Side.SYNERGY : side(r);
      return new Step.Create(type, side, r.nextLong(), r.nextInt(1000));
    }
    if (roll < 25) {
      RecordType type = TYPES[r.nextInt(TYPES.length)];
      return new Step.Delete(type, type == RecordType.TEAM_MEMBER ? Side.SYNERGY : side(r), r.nextInt(1000));
    }
    if (roll < 33) {
      RecordType type = TYPES[r.nextInt(TYPES.length)];
      if (type == RecordType.TEAM_MEMBER) {
        type = RecordType.COMPANY; // staff flow one way: an edit on both sides is an ordinary overwrite
      }
      String rule = type == RecordType.PROJECT ? PROJECT_BOTH_RULES[r.nextInt(PROJECT_BOTH_RULES.length)]
          : rule(r, type);
      return new Step.EditBoth(type, r.nextInt(1000), rule, value(r, type, rule, Side.SYNERGY),
          value(r, type, rule, Side.TINYPLUS), r.nextBoolean(), r.nextInt(3) * 700L);
    }
    if (roll < 50) {
      int size = r.nextInt(10);
      long millis = size < 4 ? r.nextInt(2_000) : size < 7 ? 2_000 + r.nextInt(28_000)
          : size < 9 ? 30_000 + r.nextInt(150_000) : 180_000 + r.nextInt(1_000_000);
      return new Step.Advance(millis);
    }
    if (roll < 66) {
      return new Step.Sync();
    }
    if (roll < 70) {
      RecordType type = TYPES[r.nextInt(TYPES.length)];
      return r.nextBoolean() || type == RecordType.TEAM_MEMBER ? new Step.DownloadAll(type)
          : new Step.UploadAll(type);
    }
    if (roll < 80) {
      Side side = side(r);
      String[] operations = side == Side.SYNERGY ? SYNERGY_OPERATIONS : TINYPLUS_OPERATIONS;
      Step.FaultKind[] kinds = Step.FaultKind.values();
      int mode = r.nextInt(3);
      int n = mode == 0 ? 1 + r.nextInt(3) : mode == 1 ? 1 + r.nextInt(6) : 10 + r.nextInt(31);
      return new Step.Fault(side, operations[r.nextInt(operations.length)], kinds[r.nextInt(kinds.length)], mode, n);
    }
    if (roll < 85) {
      return new Step.CrashAfter(1 + r.nextInt(12));
    }
    if (roll < 88) {
      return new Step.RaceAt(1 + r.nextInt(10), r.nextBoolean());
    }
    if (roll < 93) {
      return new Step.EditWhileListing(1 + r.nextInt(4), r.nextInt(4) == 0
          ? new Step.Create(TYPES[1 + r.nextInt(4)], side(r), r.nextLong(), r.nextInt(1000)) : personEdit(r));
    }
    if (roll < 95) {
      return new Step.ReplicaLag(r.nextInt(6) * 1000L);
    }
    if (roll < 97) {
      return new Step.MasterSwitchOff();
    }
    return new Step.Quiesce();
  }

  private static Step.Edit personEdit(SplittableRandom r) {
    RecordType type = TYPES[r.nextInt(TYPES.length)];
    Side side = side(r);
    String rule = rule(r, type);
    return new Step.Edit(type, side, r.nextInt(1000), rule, value(r, type, rule, side));
  }

  private static Side side(SplittableRandom r) {
    return r.nextBoolean() ? Side.SYNERGY : Side.TINYPLUS;
  }

  private static String rule(SplittableRandom r, RecordType type) {
    String[] rules = type == RecordType.COMPANY ? COMPANY_RULES : type == RecordType.CONTACT ? CONTACT_RULES
        : type == RecordType.PROJECT ? PROJECT_RULES : TEAM_MEMBER_RULES;
    return rules[r.nextInt(rules.length)];
  }

  private static String value(SplittableRandom r, RecordType type, String rule, Side side) {
    if (rule.equals("parent")) {
      return side == Side.TINYPLUS && r.nextInt(5) == 0 ? null : "pick:" + r.nextInt(1000);
    }
    if (type == RecordType.PROJECT) {
      return Values.forProject(r, rule, side);
    }
    return Values.forRule(r, type.name(), rule);
  }
}
