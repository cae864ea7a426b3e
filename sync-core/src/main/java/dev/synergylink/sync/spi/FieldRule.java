package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import java.util.Objects;
import java.util.function.Function;

/**
 * One row of a field table: a field on each side, how to read and write it, how to compare values, and which way
 * changes flow. Rules are immutable and thread-safe; a host changes one with {@link #withDirection(Direction)} or
 * builds its own.
 *
 * <pre>{@code
 * FieldRule<Contact, Company> email = FieldRule.<Contact, Company>builder("email")
 *     .synergy(SynergyMembers.CONTACT_EMAIL, Contact::email)
 *     .tinyPlus(TinyPlusMembers.COMPANY_EMAIL, Company::email)
 *     .normaliser(Normaliser.caseInsensitive())
 *     .direction(Direction.BOTH)
 *     .build();
 * }</pre>
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
public final class FieldRule<S, T> {
  private final String name;
  private final String synergyField;
  private final String tinyPlusField;
  private final Direction direction;
  private final FieldReader<S> synergyReader;
  private final FieldReader<T> tinyPlusReader;
  private final FieldWriter<S> synergyWriter;
  private final FieldWriter<T> tinyPlusWriter;
  private final Normaliser normaliser;
  // the builder this rule was made from, kept to make copies with another direction
  private final Builder<S, T> source;

  private FieldRule(Builder<S, T> builder, Direction direction) {
    this.name = builder.name;
    this.synergyField = builder.synergyField;
    this.tinyPlusField = builder.tinyPlusField;
    this.direction = direction;
    this.synergyReader = builder.synergyReader;
    this.tinyPlusReader = builder.tinyPlusReader;
    this.synergyWriter = builder.synergyWriter;
    this.tinyPlusWriter = builder.tinyPlusWriter;
    this.normaliser = builder.normaliser;
    this.source = builder;
  }

  /**
   * A new builder.
   *
   * @param name the rule's name, unique in its mapping (the snapshot and reports key values by it)
   * @param <S> the Synergy record type
   * @param <T> the tiny+ record type
   * @return the builder
   */
  public static <S, T> Builder<S, T> builder(String name) {
    return new Builder<>(name);
  }

  /**
   * The rule's name, unique in its mapping.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The Synergy field, as the Synergy contract names it ({@code "email"}), or a description for a derived value.
   *
   * @return the field name
   */
  public String synergyField() {
    return synergyField;
  }

  /**
   * The tiny+ field, as the tiny+ contract names it ({@code "office_phone"}); {@code locked_fields} lists it.
   *
   * @return the field name
   */
  public String tinyPlusField() {
    return tinyPlusField;
  }

  /**
   * Which way changes flow.
   *
   * @return the direction
   */
  public Direction direction() {
    return direction;
  }

  /**
   * Reads the Synergy value.
   *
   * @param record the Synergy record
   * @param context the link table and web links
   * @return the raw value, or null
   */
  public String readSynergy(S record, FieldContext context) {
    return synergyReader.read(record, context);
  }

  /**
   * Reads the tiny+ value.
   *
   * @param record the tiny+ record
   * @param context the link table and web links
   * @return the raw value, or null
   */
  public String readTinyPlus(T record, FieldContext context) {
    return tinyPlusReader.read(record, context);
  }

  /**
   * Writes a value into a Synergy create or patch.
   *
   * @param value the raw value
   * @param members the request's members
   * @param context the link table and web links
   * @throws SkipRecordException when the record cannot be sent now
   * @throws UnsupportedOperationException when the rule has no Synergy writer (a derived value)
   */
  public void writeSynergy(@Nullable String value, MemberValues<S> members, FieldContext context) {
    if (synergyWriter == null) {
      throw new UnsupportedOperationException("field rule '" + name + "' cannot write to Synergy");
    }
    synergyWriter.write(value, members, context);
  }

  /**
   * Writes a value into a tiny+ create or patch.
   *
   * @param value the raw value
   * @param members the request's members
   * @param context the link table and web links
   * @throws SkipRecordException when the record cannot be sent now
   */
  public void writeTinyPlus(@Nullable String value, MemberValues<T> members, FieldContext context) {
    if (tinyPlusWriter == null) {
      throw new UnsupportedOperationException("field rule '" + name + "' cannot write to tiny+");
    }
    tinyPlusWriter.write(value, members, context);
  }

  /**
   * Whether this rule can write to Synergy at all.
   *
   * @return false for values derived from the Synergy record (such as the external URL)
   */
  public boolean canWriteSynergy() {
    return synergyWriter != null;
  }

  /**
   * The comparison form of a value (see {@link Normaliser}).
   *
   * @param value the raw value
   * @return the normalised value, or null
   */
  public String normalise(String value) {
    return normaliser.normalise(value);
  }

  /**
   * This rule with another direction: how a host switches a field off ({@link Direction#NONE}) or changes its flow.
   *
   * @param direction the new direction
   * @return a rule like this one but for the direction
   * @throws IllegalArgumentException when the direction writes to Synergy but the rule cannot
   */
  public FieldRule<S, T> withDirection(Direction direction) {
    Objects.requireNonNull(direction, "direction == null");
    if (direction.writesSynergyOnCreate() && synergyWriter == null) {
      throw new IllegalArgumentException("field rule '" + name + "' cannot write to Synergy: use "
          + Direction.TO_TINYPLUS + " or " + Direction.NONE + ", not " + direction);
    }
    return new FieldRule<>(source, direction);
  }

  @Override
  public String toString() {
    return "FieldRule[" + name + ": " + synergyField + " " + direction + " " + tinyPlusField + "]";
  }

  /**
   * Builds a {@link FieldRule}. Not thread-safe.
   *
   * @param <S> the Synergy record type
   * @param <T> the tiny+ record type
   */
  public static final class Builder<S, T> {
    private final String name;
    private String synergyField;
    private String tinyPlusField;
    private Direction direction = Direction.BOTH;
    private FieldReader<S> synergyReader;
    private FieldReader<T> tinyPlusReader;
    private FieldWriter<S> synergyWriter;
    private FieldWriter<T> tinyPlusWriter;
    private Normaliser normaliser = Normaliser.text();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name is blank: give the rule a name unique in its mapping");
      }
    }

    /**
     * A plain text Synergy field: read with {@code getter}, written as {@code member}.
     *
     * @param member the Synergy member, such as {@link SynergyMembers#CONTACT_EMAIL}
     * @param getter reads the value
     * @return this builder
     */
    public Builder<S, T> synergy(Member<? super S, String> member, Function<? super S, String> getter) {
      Objects.requireNonNull(member, "member == null");
      Objects.requireNonNull(getter, "getter == null");
      return synergy(member.name(), (record, context) -> getter.apply(record),
          (value, out, context) -> out.set(member, value));
    }

    /**
     * A Synergy field with its own reader and writer.
     *
     * @param field the Synergy contract's member name (or a description of a derived value)
     * @param reader reads the value
     * @param writer writes the value; null when the value cannot be written to Synergy
     * @return this builder
     */
    public Builder<S, T> synergy(String field, FieldReader<S> reader, @Nullable FieldWriter<S> writer) {
      this.synergyField = Objects.requireNonNull(field, "field == null");
      this.synergyReader = Objects.requireNonNull(reader, "reader == null");
      this.synergyWriter = writer;
      return this;
    }

    /**
     * A plain text tiny+ field: read with {@code getter}, written as {@code member}; its name is the field
     * {@code locked_fields} lists.
     *
     * @param member the tiny+ member, such as {@link TinyPlusMembers#COMPANY_OFFICE_PHONE}
     * @param getter reads the value
     * @return this builder
     */
    public Builder<S, T> tinyPlus(Member<? super T, String> member, Function<? super T, String> getter) {
      Objects.requireNonNull(member, "member == null");
      Objects.requireNonNull(getter, "getter == null");
      return tinyPlus(member.name(), (record, context) -> getter.apply(record),
          (value, out, context) -> out.set(member, value));
    }

    /**
     * A tiny+ field with its own reader and writer.
     *
     * @param field the tiny+ contract's member name
     * @param reader reads the value
     * @param writer writes the value
     * @return this builder
     */
    public Builder<S, T> tinyPlus(String field, FieldReader<T> reader, FieldWriter<T> writer) {
      this.tinyPlusField = Objects.requireNonNull(field, "field == null");
      this.tinyPlusReader = Objects.requireNonNull(reader, "reader == null");
      this.tinyPlusWriter = Objects.requireNonNull(writer, "writer == null");
      return this;
    }

    /**
     * Which way changes flow; default {@link Direction#BOTH}.
     *
     * @param direction the direction
     * @return this builder
     */
    public Builder<S, T> direction(Direction direction) {
      this.direction = Objects.requireNonNull(direction, "direction == null");
      return this;
    }

    /**
     * How values are compared; default {@link Normaliser#text()}.
     *
     * @param normaliser the normaliser
     * @return this builder
     */
    public Builder<S, T> normaliser(Normaliser normaliser) {
      this.normaliser = Objects.requireNonNull(normaliser, "normaliser == null");
      return this;
    }

    /**
     * The rule.
     *
     * @return the rule
     * @throws IllegalStateException when a side is missing, or the direction writes to Synergy and the rule has no
     *     Synergy writer
     */
    public FieldRule<S, T> build() {
      if (synergyReader == null) {
        throw new IllegalStateException("field rule '" + name + "' has no Synergy field: call synergy(...)");
      }
      if (tinyPlusReader == null) {
        throw new IllegalStateException("field rule '" + name + "' has no tiny+ field: call tinyPlus(...)");
      }
      if (direction.writesSynergyOnCreate() && synergyWriter == null) {
        throw new IllegalStateException("field rule '" + name + "' cannot write to Synergy, so its direction"
            + " must be " + Direction.TO_TINYPLUS + " or " + Direction.NONE + ", not " + direction);
      }
      Builder<S, T> copy = new Builder<>(name);
      copy.synergyField = synergyField;
      copy.tinyPlusField = tinyPlusField;
      copy.synergyReader = synergyReader;
      copy.tinyPlusReader = tinyPlusReader;
      copy.synergyWriter = synergyWriter;
      copy.tinyPlusWriter = tinyPlusWriter;
      copy.normaliser = normaliser;
      return new FieldRule<>(copy, direction);
    }
  }
}
