package dev.synergylink.sync.simulation;

import dev.synergylink.sync.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values people type in the simulation: small pools, so that values collide (natural keys match, two sides
 * agree by chance), with case and spacing variants that the engine's normalisers must see through. Every value is
 * valid on both sides (the ABNs pass Synergy's checksum), so a record that never syncs is the engine's doing.
 */
final class Values {
  private Values() {}

  static final List<String> ABNS = validAbns();

  static final String[] COMPANY_NAMES = {"Acme Pty Ltd", "ACME PTY LTD", "Bolt Builders", "Cobalt Studio",
      "Dune Architects", "Elm & Co"};
  static final String[] EMAILS = {null, "info@acme.example", "INFO@Acme.example", "sales@bolt.example",
      "hello@cobalt.example"};
  static final String[] WEBSITES = {null, "https://acme.example", "HTTPS://ACME.example", "https://bolt.example"};
  static final String[] PHONES = {null, "02 9000 0001", "02 9000 0002", "0400 000 003", "0400000003"};
  static final String[] TWITTERS = {null, "@acme", "@ACME", "@bolt"};
  /** Addresses as street|town|state|postcode|country; null for none. */
  static final String[] ADDRESSES = {null, "1 George St|Sydney|NSW|2000|Australia",
      "1 george st|SYDNEY|NSW|2000|Australia", "2 Queen St|Brisbane|QLD|4000|", "|Perth|WA||"};
  static final String[] FIRST_NAMES = {null, "Ann", "ann", "Bob", "Cy"};
  static final String[] LAST_NAMES = {null, "Lee", "Moss", "Ng"};
  static final String[] TITLES = {null, "Director", "Architect", "Site Manager"};
  static final String[] STAFF_EMAILS = {null, "pat@firm.example", "PAT@firm.example", "sam@firm.example",
      "kim@firm.example"};

  static String pick(SplittableRandom random, String[] pool) {
    return pool[random.nextInt(pool.length)];
  }

  static String abn(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return null;
    }
    String abn = ABNS.get(random.nextInt(ABNS.size()));
    // the same ABN written with spaces, as people do
    return random.nextBoolean() ? abn : abn.substring(0, 2) + " " + abn.substring(2, 5) + " " + abn.substring(5, 8)
        + " " + abn.substring(8);
  }

  /** A value for one field rule of one record type, as a person would type it. */
  static String forRule(SplittableRandom random, String type, String rule) {
    switch (rule) {
      case "name":
        return type.equals("TEAM_MEMBER") ? pick(random, FIRST_NAMES) : COMPANY_NAMES[random.nextInt(
            COMPANY_NAMES.length)];
      case "address": return pick(random, ADDRESSES);
      case "email": return pick(random, type.equals("TEAM_MEMBER") ? STAFF_EMAILS : EMAILS);
      case "website": return pick(random, WEBSITES);
      case "abn": return abn(random);
      case "twitter": return pick(random, TWITTERS);
      case "firstName": return pick(random, FIRST_NAMES);
      case "lastName": return pick(random, LAST_NAMES);
      case "title":
      case "jobTitle":
        return pick(random, TITLES);
      default: return pick(random, PHONES);
    }
  }

  static final String[] PROJECT_NAMES = {"Harbour House", "HARBOUR HOUSE", "Bridge St Fit-out", "Lane Cottage",
      "Depot 4"};
  /** Project types; every one of them is registered in tiny+ at setup (tiny+ refuses an unknown type). */
  static final String[] PROJECT_TYPES = {"Residential", "Commercial", "Fit-out"};
  static final String[] SCOPES = {null, "Steel", "Steel\nand glass", "  Steel  ", "Two storeys\r\nwith a deck"};
  static final String[] FEES = {"0", "1000", "1500.50", "20000", "20000.00"};
  static final String[] PROJECT_NUMBERS = {null, "P-0001", "X-42", "borrowed"};

  /**
   * A value for one project rule as a person would set it on {@code side}: records (status, client, manager) as
   * {@code pick:N}, taken modulo what exists when the edit runs; a Synergy fee as a stage change ({@code add:FEE},
   * {@code change:N:FEE}, {@code remove:N}).
   */
  static String forProject(SplittableRandom random, String rule, Side side) {
    switch (rule) {
      case "name": return PROJECT_NAMES[random.nextInt(PROJECT_NAMES.length)];
      case "status":
      case "client":
        return "pick:" + random.nextInt(1000);
      case "manager": return random.nextInt(4) == 0 ? null : "pick:" + random.nextInt(1000);
      case "projectType": return random.nextInt(4) == 0 ? null : PROJECT_TYPES[random.nextInt(PROJECT_TYPES.length)];
      case "address": return pick(random, ADDRESSES);
      case "scope": return pick(random, SCOPES);
      case "fee": {
        String fee = FEES[random.nextInt(FEES.length)];
        if (side == Side.TINYPLUS) {
          return random.nextInt(5) == 0 ? null : fee;
        }
        int kind = random.nextInt(3);
        return kind == 0 ? "add:" + fee : kind == 1 ? "change:" + random.nextInt(1000) + ":" + fee
            : "remove:" + random.nextInt(1000);
      }
      default: return pick(random, PROJECT_NUMBERS);
    }
  }

  /** ABNs that pass the weighted checksum (found by a fixed search, so the pool never changes). */
  private static List<String> validAbns() {
    List<String> found = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(89);
    while (found.size() < 4) {
      StringBuilder digits = new StringBuilder();
      digits.append(1 + random.nextInt(9));
      for (int i = 1; i < 11; i++) {
        digits.append(random.nextInt(10));
      }
      if (abnValid(digits.toString())) {
        found.add(digits.toString());
      }
    }
    return List.copyOf(found);
  }

  static boolean abnValid(String digits) {
    int[] weights = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int d = digits.charAt(i) - '0';
      sum += (i == 0 ? d - 1 : d) * weights[i];
    }
    return sum % 89 == 0;
  }
}
