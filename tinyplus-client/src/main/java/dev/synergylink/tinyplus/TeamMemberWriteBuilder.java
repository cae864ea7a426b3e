package dev.synergylink.tinyplus;

/**
 * The members a team member create or patch can set ({@code TeamMemberWrite} in the contract).
 *
 * @param <B> the concrete builder
 */
public abstract class TeamMemberWriteBuilder<B extends TeamMemberWriteBuilder<B>> extends WriteRequest.Builder<B> {
  TeamMemberWriteBuilder() {}

  /**
   * {@code name}: at least one character; cannot be cleared.
   *
   * @param name the member's name
   * @return this builder
   */
  public final B name(String name) {
    return requiredMember("name", "name", Checks.notBlank(name, "name"));
  }

  /**
   * {@code email}. The server refuses (400) to change the email of an active member.
   *
   * @param email the email, or null to clear
   * @return this builder
   */
  public final B email(@Nullable String email) {
    return member("email", email);
  }

  /**
   * {@code direct}: the direct phone.
   *
   * @param direct the number, or null to clear
   * @return this builder
   */
  public final B direct(@Nullable String direct) {
    return member("direct", direct);
  }

  /**
   * {@code mobile}.
   *
   * @param mobile the number, or null to clear
   * @return this builder
   */
  public final B mobile(@Nullable String mobile) {
    return member("mobile", mobile);
  }

  /**
   * {@code title}: the job title.
   *
   * @param title the title, or null to clear
   * @return this builder
   */
  public final B title(@Nullable String title) {
    return member("title", title);
  }
}
