package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's writes whose answers it never saw: the call timed out, or the engine crashed right after the call,
 * before it could take in whether the write landed. The engine keeps the values it sent until it has read both records again, and a record
 * holding such a value is to it the write having landed. A person who then sets that very value makes an edit the
 * engine cannot tell from its own write ({@link Exemption#SAME_AS_UNANSWERED_WRITE}). A write stops counting once an
 * operation that ran to its end has read the pair. Not thread-safe.
 */
final class UnansweredWrites {
  /** A write to one record: its members as sent, keyed by the API's member names. */
  private record Write(RecordType type, Side side, long id, Map<String, Object> members) {}

  private final List<Write> writes = new ArrayList<>();

  /** The engine never saw this call's answer (a timeout, or a crash right after it): for a patch, noted. */
  void unanswered(Side side, RecordType type, String method, Object[] args) {
    if (type == null || !method.equals("patch") || args == null || args.length < 2) {
      return;
    }
    Map<String, Object> members = members(args[1]);
    if (members != null) {
      writes.add(new Write(type, side, (Long) args[0], members));
    }
  }

  private static Map<String, Object> members(Object patch) {
    if (patch instanceof dev.synergylink.tinyplus.WriteRequest) {
      return ((dev.synergylink.tinyplus.WriteRequest) patch).members();
    } else if (patch instanceof dev.synergylink.synergy.ContactPatch) {
      return ((dev.synergylink.synergy.ContactPatch) patch).members();
    } else if (patch instanceof dev.synergylink.synergy.PersonnelPatch) {
      return ((dev.synergylink.synergy.PersonnelPatch) patch).members();
    } else if (patch instanceof dev.synergylink.synergy.ProjectPatch) {
      return ((dev.synergylink.synergy.ProjectPatch) patch).members();
    }
    return null;
  }

  /** An operation that ran to its end read these pairs: the engine has settled what it sent them. */
  void settled(List<Link> pairs) {
    for (Link link : pairs) {
      writes.removeIf(w -> w.type() == link.recordType()
          && w.id() == (w.side() == Side.SYNERGY ? link.synergyId() : link.tinyPlusId()));
    }
  }

  /** Whether an unanswered write to the record sent the field the value a person has just set. */
  boolean sent(RecordType type, Side side, long id, FieldRule<?, ?> rule, String value) {
    String member = side == Side.SYNERGY ? rule.synergyField() : rule.tinyPlusField();
    for (Write w : writes) {
      if (w.type() == type && w.side() == side && w.id() == id && w.members().containsKey(member)
          && same(rule, w.members().get(member), value)) {
        return true;
      }
    }
    return false;
  }

  /** A member's value as the rule reads it: texts and numbers compare as the rule normalises them; others do not. */
  private static boolean same(FieldRule<?, ?> rule, Object member, String value) {
    if (member == null) {
      return rule.normalise(value) == null;
    }
    if (member instanceof String || member instanceof Number) {
      return Objects.equals(rule.normalise(member.toString()), rule.normalise(value));
    }
    return false;
  }
}
