package dev.synergylink.synergy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Synergy web app links of records of one organisation, for example to show "open in Synergy" or to fill
 * tiny+'s external URL. Immutable and thread-safe.
 *
 * <pre>{@code
 * RecordLinks links = RecordLinks.of("https://app.totalsynergy.com", "acme");
 * links.project(42); // https://app.totalsynergy.com/Organisation/acme/Projects/42
 * }</pre>
 */
public final class RecordLinks {
  /** The Synergy web app that real organisations use. */
  public static final String DEFAULT_WEB_APP_URL = "https://app.totalsynergy.com";

  private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9-]{2,50}");

  private final String prefix;

  private RecordLinks(String webAppUrl, String organisation) {
    String base = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
    this.prefix = base + "/Organisation/" + organisation + "/";
  }

  /**
   * The links of {@code organisation}'s records in the web app at {@code webAppUrl}.
   *
   * @param webAppUrl the web app, such as {@link #DEFAULT_WEB_APP_URL}
   * @param organisation the organisation's slug, as in its web app links
   * @return the links
   * @throws IllegalArgumentException when the slug is not 2 to 50 letters, digits or dashes
   */
  public static RecordLinks of(String webAppUrl, String organisation) {
    Objects.requireNonNull(webAppUrl, "webAppUrl == null");
    return new RecordLinks(webAppUrl, checkOrganisation(organisation));
  }

  static String checkOrganisation(String organisation) {
    Objects.requireNonNull(organisation, "organisation == null");
    if (!ORGANISATION.matcher(organisation).matches()) {
      throw new IllegalArgumentException("organisation must be the organisation's slug as in its Synergy web"
          + " links: 2 to 50 letters, digits or dashes, was '" + organisation + "'");
    }
    return organisation;
  }

  /**
   * The link of a project.
   *
   * @param id the project id
   * @return the absolute URL
   */
  public String project(long id) {
    return prefix + "Projects/" + id;
  }

  /**
   * The link of a contact.
   *
   * @param id the contact id
   * @return the absolute URL
   */
  public String contact(long id) {
    return prefix + "Contacts/" + id;
  }

  /**
   * The link of a personnel record.
   *
   * @param id the personnel id
   * @return the absolute URL
   */
  public String personnel(long id) {
    return prefix + "Personnel/" + id;
  }

  /**
   * The link of a staff member.
   *
   * @param id the staff id
   * @return the absolute URL
   */
  public String staff(long id) {
    return prefix + "Staff/" + id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordLinks && ((RecordLinks) other).prefix.equals(prefix);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode();
  }

  @Override
  public String toString() {
    return "RecordLinks{" + prefix + "}";
  }
}
