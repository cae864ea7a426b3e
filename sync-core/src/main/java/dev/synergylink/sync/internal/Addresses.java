package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.Normaliser;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's text form of an address, shared by both systems: street, suburb (town), state, postcode and country
 * joined by a unit separator (U+001F); Synergy's address1 and address2 make the street's first and further lines.
 */
public final class Addresses {
  private static final String SEPARATOR = "\u001f";

  private Addresses() {}

  /**
   * The text form of a Synergy address.
   *
   * @param address the address, or null
   * @return the text, or null when every part is empty
   */
  public static String fromSynergy(dev.synergylink.synergy.Address address) {
    if (address == null) {
      return null;
    }
    String street = join(address.address1(), address.address2());
    return encode(street, address.town(), address.state(), address.zipCode(), address.country());
  }

  /**
   * The text form of a tiny+ address.
   *
   * @param address the address, or null
   * @return the text, or null when every part is empty
   */
  public static String fromTinyPlus(dev.synergylink.tinyplus.Address address) {
    if (address == null) {
      return null;
    }
    return encode(address.street(), address.suburb(), address.state(), address.postcode(), address.country());
  }

  /**
   * A Synergy address from the text form.
   *
   * @param text the text, or null
   * @return the address, or null to clear
   */
  public static dev.synergylink.synergy.Address toSynergy(String text) {
    List<String> parts = decode(text);
    if (parts == null) {
      return null;
    }
    String street = parts.get(0);
    String line1 = street;
    String line2 = null;
    if (street != null && street.contains("\n")) {
      line1 = street.substring(0, street.indexOf('\n'));
      line2 = street.substring(street.indexOf('\n') + 1);
    }
    return dev.synergylink.synergy.Address.builder().address1(line1).address2(line2).town(parts.get(1))
        .state(parts.get(2)).zipCode(parts.get(3)).country(parts.get(4)).build();
  }

  /**
   * A tiny+ address from the text form.
   *
   * @param text the text, or null
   * @return the address, or null to clear
   */
  public static dev.synergylink.tinyplus.Address toTinyPlus(String text) {
    List<String> parts = decode(text);
    if (parts == null) {
      return null;
    }
    return dev.synergylink.tinyplus.Address.builder().street(parts.get(0)).suburb(parts.get(1)).state(parts.get(2))
        .postcode(parts.get(3)).country(parts.get(4)).build();
  }

  /**
   * Compares addresses part by part, each like {@link Normaliser#text()}.
   *
   * @return the normaliser
   */
  public static Normaliser normaliser() {
    Normaliser text = Normaliser.text();
    return value -> {
      List<String> parts = decode(value);
      if (parts == null) {
        return null;
      }
      List<String> normal = new ArrayList<>();
      for (String part : parts) {
        String n = text.normalise(part);
        normal.add(n == null ? "" : n.toLowerCase(java.util.Locale.ROOT));
      }
      return String.join(SEPARATOR, normal);
    };
  }

  private static String join(String line1, String line2) {
    if (blank(line2)) {
      return line1;
    }
    return blank(line1) ? line2 : line1 + "\n" + line2;
  }

  private static String encode(String... parts) {
    boolean any = false;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        text.append(SEPARATOR);
      }
      if (!blank(parts[i])) {
        any = true;
        text.append(parts[i]);
      }
    }
    return any ? text.toString() : null;
  }

  private static List<String> decode(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] split = text.split(SEPARATOR, -1);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String part = i < split.length ? split[i] : "";
      parts.add(blank(part) ? null : part);
    }
    return parts;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
