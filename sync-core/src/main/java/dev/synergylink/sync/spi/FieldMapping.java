package dev.synergylink.sync.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

  private FieldMapping(Map<String, FieldRule<S, T>> rules) {
    this.rules = rules;
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
    return new FieldMapping<>(byName);
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
    return new FieldMapping<>(copy);
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
    return new FieldMapping<>(copy);
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
    return "FieldMapping" + rules.values();
  }
}
