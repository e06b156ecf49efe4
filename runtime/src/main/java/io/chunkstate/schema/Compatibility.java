package io.chunkstate.schema;

import io.chunkstate.ChunkType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The compatibility rules, in one place: what a reader with one set of descriptions makes of a
 * stream written with another. The two sides are the sender (what writes: an old release, a
 * migration source) and the receiver (what reads: the new release, a destination).
 *
 * <p>Equal layout fingerprints (SPEC §8) decide at once that two inline layouts are the same;
 * where they differ, the inline fields are compared position by position. The inline layout of a
 * published type never changes (SPEC §9): new state goes into a new sub-chunk. So:
 *
 * <table>
 *   <caption>The rules</caption>
 *   <tr><th>rule id</th><th>what</th><th>severity</th></tr>
 *   <tr><td>{@code inline-field-added}, {@code -removed}, {@code -moved}, {@code -retyped},
 *       {@code -declaration}</td><td>an inline field added, removed, moved, retyped, or its
 *       declarations (unsigned, fixed length) changed; also a field of the struct in a sub-chunk
 *       whose code a field declares ({@code rx.head})</td><td>breaking</td></tr>
 *   <tr><td>{@code inline-field-renamed}</td><td>an inline field renamed in place: same position,
 *       same wire type</td><td>note</td></tr>
 *   <tr><td>{@code type-unknown}</td><td>a type the sender may send that the receiver does not
 *       know</td><td>breaking if critical; a note if ancillary (skipped)</td></tr>
 *   <tr><td>{@code type-moved}</td><td>a class that moved to another code, which looks like a
 *       removed type and a new one</td><td>as {@code type-unknown}</td></tr>
 *   <tr><td>{@code type-class}</td><td>a code that now decodes to another class</td><td>note
 *       </td></tr>
 *   <tr><td>{@code enum-constant-removed}</td><td>an enum constant the sender has and the receiver
 *       lacks (a renamed one is removed and added)</td><td>breaking</td></tr>
 *   <tr><td>{@code enum-value-removed}, {@code enum-value-changed}</td><td>of an enum that
 *       travels by value: a value the sender may write that the receiver lacks; a constant whose
 *       value changed</td><td>breaking</td></tr>
 *   <tr><td>{@code enum-value-renamed}</td><td>a constant renamed with its value kept</td><td>note
 *       </td></tr>
 *   <tr><td>{@code sub-chunk-code}, {@code sub-chunk-list}</td><td>a sub-chunk field's code
 *       changed; a list became a single field or back (a list that became an array, or back,
 *       changes nothing: the bytes are the same)</td><td>breaking</td></tr>
 *   <tr><td>{@code sub-chunk-declared}</td><td>a sub-chunk field that held a {@code @Chunk}
 *       class's sub-chunks now holds a struct under a code it declares, or back</td>
 *       <td>breaking</td></tr>
 *   <tr><td>{@code sub-chunk-unknown}</td><td>a sub-chunk field the receiver does not have</td>
 *       <td>breaking if its code is critical; a note if ancillary</td></tr>
 *   <tr><td>{@code key}</td><td>the key field removed, added or changed</td><td>breaking</td></tr>
 * </table>
 *
 * <p>What is compatible raises no breaking finding: a new ancillary sub-chunk, a new critical
 * sub-chunk (which a sender writes only while a feature is in use: a pre-flight check of what a
 * stream will carry decides that per stream), a new enum constant, a new type, a field renamed in
 * place.
 */
public final class Compatibility {
  private Compatibility() {}

  /** The findings of a receiver with {@code receiver}'s descriptions reading {@code sender}'s. */
  public static List<Finding> compare(
      Collection<TypeDescription> sender, Collection<TypeDescription> receiver) {
    Map<ChunkType, TypeDescription> received = byCode(receiver);
    Map<String, TypeDescription> receivedByClass = new LinkedHashMap<>();
    for (TypeDescription type : receiver) {
      receivedByClass.put(type.className(), type);
    }
    List<Finding> findings = new ArrayList<>();
    for (TypeDescription sent : byCode(sender).values()) {
      TypeDescription known = received.get(sent.type());
      if (known != null) {
        findings.addAll(compare(sent, known));
        continue;
      }
      TypeDescription moved = receivedByClass.get(sent.className());
      String message =
          moved != null
              ? sent.className() + " moved from " + sent.type().code() + " to "
                  + moved.type().code() + ": to a reader, a removed type and a new one"
              : "the sender may send " + sent.type().code() + " (" + sent.className()
                  + "), which the receiver does not know";
      findings.add(unknown(sent.type(), moved != null ? "type-moved" : "type-unknown", message));
    }
    return findings;
  }

  /** The findings of a receiver reading {@code sender}'s description of the same type code. */
  public static List<Finding> compare(TypeDescription sender, TypeDescription receiver) {
    ChunkType type = sender.type();
    List<Finding> findings = new ArrayList<>();
    if (!sender.className().equals(receiver.className())) {
      findings.add(
          new Finding(
              Finding.Severity.NOTE,
              "type-class",
              type,
              "",
              type.code() + " was " + sender.className() + " and is now "
                  + receiver.className(),
              ""));
    }
    if (!sender.fingerprint().equals(receiver.fingerprint())) {
      inline(type, "", sender.fields(), receiver.fields(), findings);
    }
    enums(type, "", sender.fields(), receiver.fields(), findings);
    subChunks(sender, receiver, findings);
    if (!Objects.equals(sender.key(), receiver.key())) {
      findings.add(
          breaking(
              type,
              "key",
              receiver.key() == null ? nullToEmpty(sender.key()) : receiver.key(),
              "the key was " + describeKey(sender.key()) + " and is now "
                  + describeKey(receiver.key()) + ": a restore matches instances by it",
              "keep the key field as it was"));
    }
    return findings;
  }

  /** Whether any of {@code findings} breaks a reader. */
  public static boolean anyBreaking(List<Finding> findings) {
    return findings.stream().anyMatch(Finding::isBreaking);
  }

  /** Compares inline fields position by position; a struct's fields by their own. */
  private static void inline(
      ChunkType type,
      String prefix,
      List<FieldDescription> sent,
      List<FieldDescription> known,
      List<Finding> findings) {
    int common = Math.min(sent.size(), known.size());
    // Names a positional finding explains: the rest, on one side only, were added or removed.
    Set<String> explained = new HashSet<>();
    for (int i = 0; i < common; i++) {
      FieldDescription s = sent.get(i);
      FieldDescription k = known.get(i);
      String path = prefix + k.name();
      if (s.layout().equals(k.layout())) {
        explained.add(s.name());
        continue;
      }
      if (s.wire() instanceof WireType.Struct ss
          && k.wire() instanceof WireType.Struct ks
          && s.name().equals(k.name())
          && s.unsigned() == k.unsigned()) {
        inline(type, path + ".", ss.fields(), ks.fields(), findings);
        continue;
      }
      boolean sameWire = s.wire().layout().equals(k.wire().layout());
      boolean moved =
          !s.name().equals(k.name())
              && (indexOf(known, s.name()) >= 0 || indexOf(sent, k.name()) >= 0);
      if (moved) {
        // Checked first: two fields of one type swapped look, position by position, renamed.
        String name = indexOf(known, s.name()) >= 0 ? s.name() : k.name();
        explained.add(name);
        int from = indexOf(sent, name);
        int to = indexOf(known, name);
        findings.add(
            breaking(
                type,
                "inline-field-moved",
                prefix + name,
                "inline field '" + name + "' moved from position " + (from + 1) + " to "
                    + (to + 1) + ": each reads the other's bytes",
                newSubChunk()));
        continue;
      }
      // The same position, and neither name elsewhere: the field at this position changed.
      explained.add(s.name());
      explained.add(k.name());
      if (sameWire && s.unsigned() == k.unsigned() && s.fixedLength() == k.fixedLength()) {
        findings.add(
            new Finding(
                Finding.Severity.NOTE,
                "inline-field-renamed",
                type,
                path,
                "inline field " + (i + 1) + " was '" + s.name() + "' and is now '" + k.name()
                    + "', same wire type " + k.wire().descriptor(),
                ""));
      } else if (sameWire) {
        findings.add(
            breaking(
                type,
                "inline-field-declaration",
                path,
                "inline field '" + k.name() + "' was declared " + declarations(s)
                    + " and is now " + declarations(k),
                "keep its declarations; " + newSubChunk()));
      } else {
        findings.add(
            breaking(
                type,
                "inline-field-retyped",
                path,
                "inline field '" + k.name() + "' was " + s.wire().descriptor() + " and is now "
                    + k.wire().descriptor(),
                newSubChunk()));
      }
    }
    for (FieldDescription removed : sent) {
      if (indexOf(known, removed.name()) < 0 && !explained.contains(removed.name())) {
        findings.add(
            breaking(
                type,
                "inline-field-removed",
                prefix + removed.name(),
                "inline field '" + removed.name() + "' (" + removed.wire().descriptor()
                    + ") was removed: the receiver reads the fields after it from its bytes",
                "keep the field; " + newSubChunk()));
      }
    }
    for (FieldDescription added : known) {
      if (indexOf(sent, added.name()) < 0 && !explained.contains(added.name())) {
        findings.add(
            breaking(
                type,
                "inline-field-added",
                prefix + added.name(),
                "inline field '" + added.name() + "' (" + added.wire().descriptor()
                    + ") was added: the receiver reads it from bytes the sender wrote for"
                    + " something else",
                "put the new state in a new sub-chunk (SPEC §9), not inline"));
      }
    }
  }

  /** Enum constants the sender may write that the receiver lacks, wherever an enum travels. */
  private static void enums(
      ChunkType type,
      String prefix,
      List<FieldDescription> sent,
      List<FieldDescription> known,
      List<Finding> findings) {
    for (FieldDescription s : sent) {
      int at = indexOf(known, s.name());
      if (at >= 0) {
        enums(type, prefix + s.name(), s.wire(), known.get(at).wire(), findings);
      }
    }
  }

  private static void enums(
      ChunkType type, String path, WireType sent, WireType known, List<Finding> findings) {
    if (sent instanceof WireType.EnumType se && known instanceof WireType.EnumType ke) {
      if (ke.constants().isEmpty()) {
        return; // described without its constants (a registry file older than them): not judged
      }
      for (String constant : se.constants()) {
        if (!ke.constants().contains(constant)) {
          findings.add(
              breaking(
                  type,
                  "enum-constant-removed",
                  path,
                  se.className() + "." + constant + " is gone from " + ke.className()
                      + ": a stream that holds it is refused (an enum travels by name, so a"
                      + " renamed constant is a removed one)",
                  "keep the constant, or give the enum stable wire values"));
        }
      }
    } else if (sent instanceof WireType.EnumValueType se
        && known instanceof WireType.EnumValueType ke) {
      enumValues(type, path, se, ke, findings);
    } else if (sent instanceof WireType.Sequence ss && known instanceof WireType.Sequence ks) {
      enums(type, path + "[]", ss.element(), ks.element(), findings);
    } else if (sent instanceof WireType.Struct ss && known instanceof WireType.Struct ks) {
      enums(type, path + ".", ss.fields(), ks.fields(), findings);
    }
  }

  /**
   * The constants of an enum that travels by value: a value the receiver lacks, or a constant
   * whose value changed, is refused or read as another constant; a constant renamed with its
   * value kept reads as the new name.
   */
  private static void enumValues(
      ChunkType type,
      String path,
      WireType.EnumValueType sent,
      WireType.EnumValueType known,
      List<Finding> findings) {
    for (int i = 0; i < sent.constants().size(); i++) {
      String constant = sent.constants().get(i);
      int value = sent.values().get(i);
      int same = known.constants().indexOf(constant);
      String receiving = known.constantOf(value);
      if (same >= 0 && known.values().get(same) != value) {
        findings.add(
            breaking(
                type,
                "enum-value-changed",
                path,
                sent.className() + "." + constant + " was value " + value + " and is now "
                    + known.values().get(same) + ": a stream's " + value + " is "
                    + (receiving == null ? "refused" : "read as " + receiving),
                "keep each constant's value; give a new constant a new value"));
      } else if (receiving == null) {
        findings.add(
            breaking(
                type,
                "enum-value-removed",
                path,
                sent.className() + "." + constant + " (value " + value + ") is gone from "
                    + known.className() + ": a stream that holds it is refused",
                "keep a constant with value " + value));
      } else if (!receiving.equals(constant)) {
        findings.add(
            new Finding(
                Finding.Severity.NOTE,
                "enum-value-renamed",
                type,
                path,
                sent.className() + "." + constant + " is now " + receiving + ", same value "
                    + value + ": a stream's " + value + " reads as " + receiving,
                ""));
      }
    }
  }

  private static void subChunks(
      TypeDescription sender, TypeDescription receiver, List<Finding> findings) {
    ChunkType type = sender.type();
    for (SubChunkField s : sender.subChunks()) {
      SubChunkField k =
          receiver.subChunks().stream()
              .filter(f -> f.name().equals(s.name()))
              .findFirst()
              .orElse(null);
      if (k == null) {
        k = receiver.subChunk(s.type()).orElse(null);
      }
      if (k == null) {
        String message =
            "the sender may send " + s.type().code() + " sub-chunks (field '" + s.name()
                + "'), which the receiver's " + type.code() + " does not know";
        findings.add(
            s.type().isCritical()
                ? breaking(type, "sub-chunk-unknown", s.name(), message,
                    "keep the field, or send it only while its feature is in use")
                : new Finding(
                    Finding.Severity.NOTE, "sub-chunk-unknown", type, s.name(),
                    message + ": it will be skipped", ""));
        continue;
      }
      if (!s.type().equals(k.type())) {
        findings.add(
            breaking(
                type,
                "sub-chunk-code",
                s.name(),
                "sub-chunk field '" + s.name() + "' was " + s.type().code() + " and is now "
                    + k.type().code(),
                "keep its code"));
      }
      if (s.list() != k.list()) {
        findings.add(
            breaking(
                type,
                "sub-chunk-list",
                s.name(),
                "sub-chunk field '" + s.name() + "' was " + (s.list() ? "a list" : "one chunk")
                    + " and is now " + (k.list() ? "a list" : "one chunk"),
                "keep it as it was; add a new field for the other shape"));
      }
      if (s.declared() != k.declared()) {
        findings.add(
            breaking(
                type,
                "sub-chunk-declared",
                s.name(),
                "sub-chunk field '" + s.name() + "' was " + holds(s) + " and is now " + holds(k)
                    + ": its data is read by another description",
                "keep it as it was; add a new field for the other shape"));
      } else if (s.declared()) {
        // The struct is the sub-chunk's inline layout: its fields are compared as a type's are.
        String prefix = s.name() + ".";
        if (!Fingerprint.of(s.struct().fields()).equals(Fingerprint.of(k.struct().fields()))) {
          inline(type, prefix, s.struct().fields(), k.struct().fields(), findings);
        }
        enums(type, prefix, s.struct().fields(), k.struct().fields(), findings);
      }
    }
  }

  private static String holds(SubChunkField field) {
    return field.declared()
        ? "a struct " + field.className() + " under a code it declares"
        : "a sub-chunk of @Chunk class " + field.className();
  }

  private static Finding unknown(ChunkType type, String rule, String message) {
    return type.isCritical()
        ? breaking(type, rule, "", message + ", and it is critical: the receiver refuses it",
            "keep the type and its code")
        : new Finding(Finding.Severity.NOTE, rule, type, "", message + ": it will be skipped", "");
  }

  private static Finding breaking(
      ChunkType type, String rule, String field, String message, String fix) {
    return new Finding(Finding.Severity.BREAKING, rule, type, field, message, fix);
  }

  private static String newSubChunk() {
    return "leave the inline layout as it was and put new state in a new sub-chunk (SPEC §9)";
  }

  private static String declarations(FieldDescription field) {
    List<String> out = new ArrayList<>();
    if (field.unsigned()) {
      out.add("unsigned");
    }
    if (field.fixedLength() >= 0) {
      out.add("of fixed length " + field.fixedLength());
    }
    return out.isEmpty() ? "plain" : String.join(", ", out);
  }

  private static String describeKey(String key) {
    return key == null ? "none" : "'" + key + "'";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static int indexOf(List<FieldDescription> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<ChunkType, TypeDescription> byCode(Collection<TypeDescription> types) {
    Map<ChunkType, TypeDescription> out = new LinkedHashMap<>();
    for (TypeDescription type : types) {
      out.put(type.type(), type);
    }
    return out;
  }
}
