package dev.synergylink.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How project types map between the two systems: named pairs, and by default every other type to the type of the
 * same name (compared case-insensitively). A type that maps to nothing leaves the other side's field as it is, and
 * the report says so. Immutable and thread-safe; a host setting, given to {@link SyncSettings#projectTypeMapping()}.
 *
 * <pre>{@code
 * ProjectTypeMapping types = ProjectTypeMapping.builder()
 *     .map("Edu", "Education")        // Synergy "Edu" <> tiny+ "Education"
 *     .build();                       // every other type by its own name
 * }</pre>
 */
public final class ProjectTypeMapping {
  private final Map<String, String> toTinyPlus;
  private final Map<String, String> toSynergy;
  private final boolean sameNameByDefault;

  private ProjectTypeMapping(Builder builder) {
    Map<String, String> forward = new LinkedHashMap<>();
    Map<String, String> back = new LinkedHashMap<>();
    builder.pairs.forEach((synergy, tinyPlus) -> {
      forward.put(key(synergy), tinyPlus);
      back.putIfAbsent(key(tinyPlus), synergy);
    });
    this.toTinyPlus = Map.copyOf(forward);
    this.toSynergy = Map.copyOf(back);
    this.sameNameByDefault = builder.sameNameByDefault;
  }

  /**
   * Every type to the type of the same name: the default.
   *
   * @return the mapping
   */
  public static ProjectTypeMapping sameName() {
    return builder().build();
  }

  /**
   * A new builder (same names by default, no pairs).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The tiny+ type name for a Synergy type.
   *
   * @param synergyType the Synergy type name
   * @return the tiny+ name (compared case-insensitively with tiny+'s list), or null when unmapped
   */
  public @Nullable String tinyPlusType(String synergyType) {
    String mapped = toTinyPlus.get(key(synergyType));
    return mapped != null ? mapped : sameNameByDefault ? synergyType.strip() : null;
  }

  /**
   * The Synergy type name for a tiny+ type.
   *
   * @param tinyPlusType the tiny+ type name
   * @return the Synergy name, or null when unmapped
   */
  public @Nullable String synergyType(String tinyPlusType) {
    String mapped = toSynergy.get(key(tinyPlusType));
    return mapped != null ? mapped : sameNameByDefault ? tinyPlusType.strip() : null;
  }

  /**
   * Whether types without a pair map to the type of the same name (the default).
   *
   * @return true when they do
   */
  public boolean sameNameByDefault() {
    return sameNameByDefault;
  }

  /**
   * The named pairs, Synergy name to tiny+ name (names case-folded).
   *
   * @return the pairs
   */
  public Map<String, String> pairs() {
    return toTinyPlus;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectTypeMapping && toTinyPlus.equals(((ProjectTypeMapping) o).toTinyPlus)
        && sameNameByDefault == ((ProjectTypeMapping) o).sameNameByDefault;
  }

  @Override
  public int hashCode() {
    return Objects.hash(toTinyPlus, sameNameByDefault);
  }

  @Override
  public String toString() {
    return "ProjectTypeMapping{pairs=" + toTinyPlus + ", sameNameByDefault=" + sameNameByDefault + "}";
  }

  /** Builds a {@link ProjectTypeMapping}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> pairs = new LinkedHashMap<>();
    private boolean sameNameByDefault = true;

    private Builder() {}

    /**
     * Maps a Synergy type and a tiny+ type to each other.
     *
     * @param synergyType the Synergy type name
     * @param tinyPlusType the tiny+ type name
     * @return this builder
     * @throws IllegalArgumentException when a name is blank
     */
    public Builder map(String synergyType, String tinyPlusType) {
      for (String name : List.of(Objects.requireNonNull(synergyType, "synergyType == null"),
          Objects.requireNonNull(tinyPlusType, "tinyPlusType == null"))) {
        if (name.isBlank()) {
          throw new IllegalArgumentException("a project type name is blank: give both names");
        }
      }
      pairs.put(synergyType.strip(), tinyPlusType.strip());
      return this;
    }

    /**
     * Whether types without a pair map to the type of the same name; default true. When false, only the pairs
     * sync and any other type leaves the field as it is.
     *
     * @param sameName whether to match by name
     * @return this builder
     */
    public Builder sameNameByDefault(boolean sameName) {
      this.sameNameByDefault = sameName;
      return this;
    }

    /**
     * The mapping.
     *
     * @return the mapping
     */
    public ProjectTypeMapping build() {
      return new ProjectTypeMapping(this);
    }
  }
}
