package dev.synergylink.sync.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered field rules of one record type: one row of the guide's field table per rule. Immutable and
 * thread-safe. The built-in mappings are in {@code dev.synergylink.sync.FieldMappings}; a host changes one with
 * {@link #withDirection(String, Direction)}, {@link #withRule(FieldRule)} or {@link #without(String)}.
 *
 * <pre>{@code
 * FieldMapping<Personnel, Contact> contacts = FieldMappings.contacts()
 *     .withDirection("title", Direction.NONE);   // keep Title and Role apart
 * }</pre>
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
public final class FieldMapping<S, T> {
  private final Map<String, FieldRule<S, T>> rules;
  private final List<List<String>> atLeastOneOf;

  private FieldMapping(Map<String, FieldRule<S, T>> rules, List<List<String>> atLeastOneOf) {
    this.rules = rules;
    this.atLeastOneOf = atLeastOneOf;
  }

  /**
   * A mapping of these rules, in this order.
   *
   * @param rules the rules; names must be unique
   * @param <S> the Synergy record type
   * @param <T> the tiny+ record type
   * @return the mapping
   * @throws IllegalArgumentException when two rules share a name
   */
  public static <S, T> FieldMapping<S, T> of(List<FieldRule<S, T>> rules) {
    Objects.requireNonNull(rules, "rules == null");
    Map<String, FieldRule<S, T>> byName = new LinkedHashMap<>();
    for (FieldRule<S, T> rule : rules) {
      Objects.requireNonNull(rule, "rules contains null");
      if (byName.put(rule.name(), rule) != null) {
        throw new IllegalArgumentException("two field rules are named '" + rule.name() + "': rename one");
      }
    }
    return new FieldMapping<>(byName, List.of());
  }

  /**
   * The rules in order.
   *
   * @return an unmodifiable list
   */
  public List<FieldRule<S, T>> rules() {
    return List.copyOf(rules.values());
  }

  /**
   * The rule of a name.
   *
   * @param name the rule name
   * @return the rule, or empty
   */
  public Optional<FieldRule<S, T>> rule(String name) {
    return Optional.ofNullable(rules.get(name));
  }

  /**
   * This mapping with one rule's direction changed.
   *
   * @param name the rule name
   * @param direction the new direction ({@link Direction#NONE} switches the field off)
   * @return the new mapping
   * @throws IllegalArgumentException when there is no such rule
   */
  public FieldMapping<S, T> withDirection(String name, Direction direction) {
    FieldRule<S, T> rule = rules.get(name);
    if (rule == null) {
      throw new IllegalArgumentException("no field rule named '" + name + "'; the rules are " + rules.keySet());
    }
    return withRule(rule.withDirection(direction));
  }

  /**
   * This mapping with a rule added at the end, or replacing the rule of the same name in its place.
   *
   * @param rule the rule
   * @return the new mapping
   */
  public FieldMapping<S, T> withRule(FieldRule<S, T> rule) {
    Objects.requireNonNull(rule, "rule == null");
    Map<String, FieldRule<S, T>> copy = new LinkedHashMap<>(rules);
    copy.put(rule.name(), rule);
    return new FieldMapping<>(copy, atLeastOneOf);
  }

  /**
   * This mapping without a rule.
   *
   * @param name the rule name
   * @return the new mapping (the same rules when there is no such rule)
   */
  public FieldMapping<S, T> without(String name) {
    Map<String, FieldRule<S, T>> copy = new LinkedHashMap<>(rules);
    copy.remove(name);
    List<List<String>> groups = new ArrayList<>();
    for (List<String> group : atLeastOneOf) {
      List<String> left = new ArrayList<>(group);
      left.remove(name);
      if (left.size() > 1) {
        groups.add(List.copyOf(left));
      }
    }
    return new FieldMapping<>(copy, List.copyOf(groups));
  }

  /**
   * This mapping with a group of rules of which at least one must keep a value, such as a person's first and last
   * name (tiny+ refuses a contact with neither). Where the field-by-field merge of a linked pair would leave every
   * field of the group empty, though each side changed some of them and neither side's record has them all empty
   * (one side cleared one name, the other side the other), the group is settled as one conflict: the
   * {@link ConflictPolicy} is asked once, with the rule names joined by {@code +} as the field and each side's
   * values of the group joined by a space as its value, and the winning side's values of every field of the group
   * are kept on both sides. Each field of the group whose losing value is overwritten is reported as a resolved
   * conflict, so the losing value is kept. Where only one side still has a value in the group, that side wins
   * without asking the policy (its values are the only ones either system can take). The group is settled so only
   * while every rule of it syncs both ways ({@link Direction#BOTH}).
   *
   * <pre>{@code
   * FieldMapping<Personnel, Contact> contacts = ...withAtLeastOneOf("firstName", "lastName");
   * }</pre>
   *
   * @param names the rule names, at least two, each of a rule of this mapping
   * @return the new mapping
   * @throws IllegalArgumentException when fewer than two names are given, a name repeats, or there is no such rule
   */
  public FieldMapping<S, T> withAtLeastOneOf(String... names) {
    Objects.requireNonNull(names, "names == null");
    List<String> group = List.of(names);
    if (group.size() < 2 || Set.copyOf(group).size() != group.size()) {
      throw new IllegalArgumentException("a group needs at least two different rule names, not " + group);
    }
    for (String name : group) {
      if (!rules.containsKey(name)) {
        throw new IllegalArgumentException("no field rule named '" + name + "'; the rules are " + rules.keySet());
      }
    }
    List<List<String>> groups = new ArrayList<>(atLeastOneOf);
    groups.add(group);
    return new FieldMapping<>(rules, List.copyOf(groups));
  }

  /**
   * The groups of rules of which at least one must keep a value (see {@link #withAtLeastOneOf(String...)}).
   *
   * @return the groups of rule names, each in the order given; unmodifiable
   */
  public List<List<String>> atLeastOneOf() {
    return atLeastOneOf;
  }

  /**
   * The tiny+ fields the tiny+ app should show read-only for a linked record: those of the rules Synergy owns.
   *
   * @return the tiny+ field names, in rule order, without repeats
   */
  public List<String> lockedTinyPlusFields() {
    List<String> locked = new ArrayList<>();
    for (FieldRule<S, T> rule : rules.values()) {
      if (rule.direction().locksTinyPlus() && !locked.contains(rule.tinyPlusField())) {
        locked.add(rule.tinyPlusField());
      }
    }
    return List.copyOf(locked);
  }

  @Override
  public String toString() {
    return "FieldMapping" + rules.values() + (atLeastOneOf.isEmpty() ? "" : " atLeastOneOf " + atLeastOneOf);
  }
}
