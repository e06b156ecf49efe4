package io.chunkstate.processor.generation;

import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * How a codec shares its work between methods: a method's bytecode may not exceed 64 KiB, and a
 * state with thousands of fields needs more, so a heavy state's fields are read, written, set and
 * applied by several methods, each taking a part.
 */
final class Parts implements WireType.Visitor<Integer> {
  /** The most code, in {@link #weight} units, that one generated method holds per part. */
  static final int PART_WEIGHT = 1500;

  /** How many fields one method of a split codec sets. */
  static final int FIELDS_PER_SET = 1000;

  private static final Parts WEIGHT = new Parts();

  private Parts() {}

  /** Whether the fields of {@code type} weigh more than one method holds. */
  static boolean split(ClassModel type) {
    int weight = 0;
    for (FieldModel field : type.fields()) {
      weight += weight(field.type());
    }
    return weight > PART_WEIGHT;
  }

  /**
   * The fields in consecutive parts whose code stays well below the JVM's 64 KiB per method:
   * each part weighs at most {@link #PART_WEIGHT}, or holds one field that weighs more.
   */
  static List<List<FieldModel>> byWeight(List<FieldModel> fields) {
    List<List<FieldModel>> parts = new ArrayList<>();
    List<FieldModel> part = new ArrayList<>();
    int weight = 0;
    for (FieldModel field : fields) {
      int w = weight(field.type());
      if (!part.isEmpty() && weight + w > PART_WEIGHT) {
        parts.add(part);
        part = new ArrayList<>();
        weight = 0;
      }
      part.add(field);
      weight += w;
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  /** The fields of a split class in the consecutive shares that one method sets or applies. */
  static List<List<FieldModel>> byCount(List<FieldModel> fields) {
    List<List<FieldModel>> parts = new ArrayList<>();
    for (int from = 0; from < fields.size(); from += FIELDS_PER_SET) {
      parts.add(fields.subList(from, Math.min(fields.size(), from + FIELDS_PER_SET)));
    }
    return parts;
  }

  /**
   * A rough measure of the code that reads or writes one value, in units of about ten bytes of
   * bytecode: a primitive, a string, an enum is one (a call), a struct is the sum of its fields.
   */
  static int weight(WireType type) {
    return type.accept(WEIGHT);
  }

  @Override
  public Integer visitPrimitive(WireType.Primitive type) {
    return 1;
  }

  @Override
  public Integer visitBoxed(WireType.Boxed type) {
    return 2;
  }

  @Override
  public Integer visitText(WireType.Text type) {
    return 1;
  }

  @Override
  public Integer visitEnum(WireType.EnumType type) {
    return 1;
  }

  @Override
  public Integer visitPrimitiveArray(WireType.PrimitiveArray type) {
    return 1;
  }

  @Override
  public Integer visitBits(WireType.Bits type) {
    return 1;
  }

  @Override
  public Integer visitArrayOf(WireType.ArrayOf type) {
    return 6 + weight(type.element());
  }

  @Override
  public Integer visitListOf(WireType.ListOf type) {
    return 6 + weight(type.element());
  }

  @Override
  public Integer visitStruct(WireType.Struct type) {
    int sum = 4;
    for (FieldModel field : type.type().fields()) {
      sum += weight(field.type());
    }
    return sum;
  }

  @Override
  public Integer visitSubChunk(WireType.SubChunk type) {
    return 4;
  }

  @Override
  public Integer visitSubChunkList(WireType.SubChunkList type) {
    return 8;
  }

  @Override
  public Integer visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
    return 8;
  }
}
