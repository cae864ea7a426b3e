package dev.synergylink.tinyplus;

/** The account's project types ({@code /project_types}). */
public interface TinyPlusProjectTypes extends PagedResource<ProjectType, ListQuery> {
  /** The longest project type name the API accepts. */
  int MAX_NAME_LENGTH = 100;

  /**
   * {@code POST /project_types}: adds a type.
   *
   * @param name the name, 1 to {@value #MAX_NAME_LENGTH} characters
   * @return the created type
   * @throws TinyPlusConflictException when a type of that name exists (compared case-insensitively)
   * @throws IllegalArgumentException when the name is empty or too long
   */
  ProjectType create(String name);
}
