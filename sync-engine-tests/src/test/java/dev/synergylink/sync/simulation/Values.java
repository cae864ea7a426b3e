package dev.synergylink.sync.simulation;

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
