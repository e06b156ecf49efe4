package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.className;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of one codec: its class, its constants and private methods, and the names a local
 * must not take. Deterministic: they depend on the model alone.
 */
final class CodecNames {
  final ChunkModel chunk;
  final ClassModel type;
  final ClassName state;
  final ClassName codec;
  final UsedTypes used;
  final String typeConstant;

  /** The constant that holds the codec's description. */
  final String descriptionConstant;

  /**
   * Whether the fields are read and written by several methods rather than one: a method's code
   * may not exceed 64 KiB, and a state with thousands of fields needs more.
   */
  final boolean split;

  /** The class that carries decoded values between the methods of a split codec. */
  final ClassName holder;

  private final Map<FieldModel, String> codecConstants = new LinkedHashMap<>();
  private final Map<String, String> enumConstants = new LinkedHashMap<>();
  private final Map<String, String> enumValues = new LinkedHashMap<>();
  private final Map<String, String> enumNames = new LinkedHashMap<>();
  private final Map<String, String> structReaders = new LinkedHashMap<>();
  private final Map<String, String> structChunkReaders = new LinkedHashMap<>();
  private final Map<String, String> inPlaceReaders = new LinkedHashMap<>();

  /** Names a local must not take: the constants, and the simple names of the types used. */
  private final Set<String> reserved = new TreeSet<>();

  /** The names of the codec of {@code chunk}, which reaches all but its bases' inline fields. */
  CodecNames(ChunkModel chunk) {
    this(chunk, chunk.codecType(), chunk.codecName());
  }

  /**
   * The names of a class that reads and writes {@code type}, the fields of {@code chunk} it
   * reaches itself: a codec, or the helper of a base.
   */
  CodecNames(ChunkModel chunk, ClassModel type, JavaName className) {
    this.chunk = chunk;
    this.type = type;
    this.state = className(type.name());
    this.codec = className(className);
    this.used = UsedTypes.of(type);
    reserveTypeNames();
    NameAllocator constants = newNames();
    this.typeConstant = constants.newName("TYPE");
    this.descriptionConstant = constants.newName("DESCRIPTION");
    for (FieldModel field : type.subChunkFields()) {
      SubChunkField subChunk = SubChunkField.of(field);
      codecConstants.put(
          field,
          constants.newName(
              subChunk.declared()
                  ? upperSnake(field.name()) + "_TYPE"
                  : upperSnake(subChunk.type().simpleName())));
    }
    for (WireType.EnumType e : used.enums()) {
      String prefix = upperSnake(e.name().simpleName());
      enumConstants.put(e.name().qualifiedName(), constants.newName(prefix + "_CONSTANTS"));
      if (e.byValue()) {
        enumValues.put(e.name().qualifiedName(), constants.newName(prefix + "_VALUES"));
      } else {
        enumNames.put(e.name().qualifiedName(), constants.newName(prefix + "_NAMES"));
      }
    }
    reserved.add(typeConstant);
    reserved.add(descriptionConstant);
    reserved.addAll(codecConstants.values());
    reserved.addAll(enumConstants.values());
    reserved.addAll(enumValues.values());
    reserved.addAll(enumNames.values());
    this.split = Parts.split(type);
    // Struct readers are named read<Struct>: only a split codec's readPart<i> could clash.
    NameAllocator methods = new NameAllocator();
    for (int i = 0; split && i < Parts.byWeight(type.inlineFields()).size(); i++) {
      methods.newName("readPart" + i);
    }
    for (ClassModel struct : used.structs()) {
      structReaders.put(
          struct.name().qualifiedName(),
          methods.newName("read" + String.join("", struct.name().simpleNames())));
    }
    for (ClassModel struct : used.chunkStructs()) {
      structChunkReaders.put(
          struct.name().qualifiedName(),
          methods.newName("read" + String.join("", struct.name().simpleNames()) + "Chunk"));
    }
    for (UsedTypes.InPlaceRecord record : used.inPlaceRecords()) {
      inPlaceReaders.put(
          record.type().qualifiedName(),
          methods.newName("read" + String.join("", record.type().simpleNames()) + "InPlace"));
    }
    this.holder = codec.nestedClass(constants.newName("Values"));
    reserved.add(holder.simpleName());
  }

  /**
   * The types every codec may name, and the codec itself, the state and the types it uses; and
   * the first name of each of their packages, which a type written in full begins with (JavaPoet
   * writes {@code io.dev.Timer} where two types share a simple name, and a local {@code io} would
   * make it a read of the local).
   */
  private void reserveTypeNames() {
    for (ClassName fixed : RuntimeTypes.ALL) {
      reserveType(fixed);
    }
    for (ClassName fixed : JavaTypes.JDK) {
      reserveType(fixed);
    }
    reserveType(codec);
    reserveType(state.topLevelClassName());
    if (chunk.base() != null) {
      reserveType(className(chunk.base().helperName()));
    }
    for (JavaName used : used.all()) {
      reserveType(className(used).topLevelClassName());
    }
    for (JavaName subChunk : used.subChunks()) {
      reserveType(className(subChunk.codecName()));
    }
  }

  private void reserveType(ClassName type) {
    reserved.add(type.simpleName());
    String packageName = type.packageName();
    if (!packageName.isEmpty()) {
      int dot = packageName.indexOf('.');
      reserved.add(dot < 0 ? packageName : packageName.substring(0, dot));
    }
  }

  /**
   * An allocator for one method's locals. A local named like a constant or a type would hide it:
   * {@code Color Color} makes {@code Color.RED} a read of the local.
   */
  NameAllocator newNames() {
    NameAllocator names = new NameAllocator();
    for (String name : reserved) {
      names.newName(name);
    }
    return names;
  }

  /**
   * The constant that holds the codec of a sub-chunk field's type, or for a field that declares its
   * own code, the {@code ChunkType} of that code.
   */
  String codecConstant(FieldModel field) {
    return codecConstants.get(field);
  }

  /** The sub-chunk fields with the constants that hold their codecs, in field order. */
  Map<FieldModel, String> codecConstants() {
    return codecConstants;
  }

  /** The constant that holds the constants of {@code e}. */
  String enumConstant(JavaName e) {
    return enumConstants.get(e.qualifiedName());
  }

  /** The constant that holds the encoded names of {@code e}, an enum that travels by name. */
  String enumNames(JavaName e) {
    return enumNames.get(e.qualifiedName());
  }

  /** The constant that holds the wire values of {@code e}, an enum that travels by value. */
  String enumValues(JavaName e) {
    return enumValues.get(e.qualifiedName());
  }

  /** The private method that reads {@code struct}. */
  String structReader(ClassModel struct) {
    return structReaders.get(struct.name().qualifiedName());
  }

  /** The private method that reads a sub-chunk of the record {@code type} in place. */
  String inPlaceReader(JavaName type) {
    return inPlaceReaders.get(type.qualifiedName());
  }

  /** The private method that reads the sub-chunk of a field of type {@code struct}. */
  String structChunkReader(ClassModel struct) {
    return structChunkReaders.get(struct.name().qualifiedName());
  }

  /** The structs the codec reads as sub-chunks of a declared code, in the order of first use. */
  List<ClassModel> chunkStructs() {
    return used.chunkStructs();
  }

  /** The records of primitives whose sub-chunks the codec reads in place. */
  List<UsedTypes.InPlaceRecord> inPlaceRecords() {
    return used.inPlaceRecords();
  }

  /** The structs the codec reads, in the order of first use. */
  List<ClassModel> structs() {
    return used.structs();
  }

  /** {@code MsixState} → {@code MSIX_STATE}. */
  static String upperSnake(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(camel.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
