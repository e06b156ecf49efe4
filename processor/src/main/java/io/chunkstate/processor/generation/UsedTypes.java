package io.chunkstate.processor.generation;

import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types whose declarations a codec depends on, each once, in the order of first use: the
 * structs it embeds (and what they embed), the enums whose constants it lists, the sub-chunk types
 * whose codecs it calls.
 */
public final class UsedTypes implements WireType.Visitor<Void> {
  private final Map<String, ClassModel> structs = new LinkedHashMap<>();
  private final Map<String, WireType.EnumType> enums = new LinkedHashMap<>();
  private final Map<String, JavaName> subChunks = new LinkedHashMap<>();
  private final Map<String, ClassModel> chunkStructs = new LinkedHashMap<>();
  private final Map<String, InPlaceRecord> inPlaceRecords = new LinkedHashMap<>();
  private final List<JavaName> all = new ArrayList<>();

  /** A record of primitives whose sub-chunks the codec reads in place, and its fields. */
  record InPlaceRecord(JavaName type, WireType.FixedLayout layout) {}

  private UsedTypes() {}

  /** The types that the fields of {@code type} use. */
  public static UsedTypes of(ClassModel type) {
    UsedTypes used = new UsedTypes();
    used.addFields(type);
    return used;
  }

  /** Every used type, in the order of first use. */
  public List<JavaName> all() {
    return List.copyOf(all);
  }

  /** The structs, in the order of first use. */
  List<ClassModel> structs() {
    return List.copyOf(structs.values());
  }

  /**
   * The structs that travel as sub-chunks of a code their fields declare, in the order of first
   * use.
   */
  List<ClassModel> chunkStructs() {
    return List.copyOf(chunkStructs.values());
  }

  /** The records of primitives whose sub-chunks are read in place, in the order of first use. */
  List<InPlaceRecord> inPlaceRecords() {
    return List.copyOf(inPlaceRecords.values());
  }

  /** The enums, in the order of first use. */
  List<WireType.EnumType> enums() {
    return List.copyOf(enums.values());
  }

  /** The {@code @Chunk} types of sub-chunks, in the order of first use. */
  List<JavaName> subChunks() {
    return List.copyOf(subChunks.values());
  }

  private void addFields(ClassModel type) {
    for (FieldModel field : type.fields()) {
      field.type().accept(this);
    }
  }

  /** Adds {@code name} to {@link #all} if it is not there yet, and says whether it was not. */
  private boolean firstUse(JavaName name) {
    if (all.contains(name)) {
      return false;
    }
    all.add(name);
    return true;
  }

  @Override
  public Void visitPrimitive(WireType.Primitive type) {
    return null;
  }

  @Override
  public Void visitBoxed(WireType.Boxed type) {
    return null;
  }

  @Override
  public Void visitText(WireType.Text type) {
    return null;
  }

  @Override
  public Void visitEnum(WireType.EnumType type) {
    if (firstUse(type.name())) {
      enums.put(type.name().qualifiedName(), type);
    }
    return null;
  }

  @Override
  public Void visitPrimitiveArray(WireType.PrimitiveArray type) {
    return null;
  }

  @Override
  public Void visitBits(WireType.Bits type) {
    return null;
  }

  @Override
  public Void visitArrayOf(WireType.ArrayOf type) {
    return type.element().accept(this);
  }

  @Override
  public Void visitListOf(WireType.ListOf type) {
    return type.element().accept(this);
  }

  @Override
  public Void visitStruct(WireType.Struct type) {
    if (firstUse(type.type().name())) {
      structs.put(type.type().name().qualifiedName(), type.type());
      addFields(type.type());
    }
    return null;
  }

  @Override
  public Void visitSubChunk(WireType.SubChunk type) {
    addSubChunk(type.type(), type.layout());
    return null;
  }

  @Override
  public Void visitSubChunkList(WireType.SubChunkList type) {
    addSubChunk(type.type(), type.layout());
    return null;
  }

  private void addSubChunk(JavaName type, WireType.FixedLayout layout) {
    if (firstUse(type)) {
      subChunks.put(type.qualifiedName(), type);
      if (layout != null) {
        inPlaceRecords.put(type.qualifiedName(), new InPlaceRecord(type, layout));
      }
    }
  }

  @Override
  public Void visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
    // Its struct is read by a method of its own, without a presence byte.
    if (!chunkStructs.containsKey(type.type().name().qualifiedName())) {
      chunkStructs.put(type.type().name().qualifiedName(), type.type());
      firstUse(type.type().name());
      addFields(type.type());
    }
    return null;
  }
}
