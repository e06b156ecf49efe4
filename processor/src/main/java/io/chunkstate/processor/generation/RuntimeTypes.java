package io.chunkstate.processor.generation;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Every runtime class that generated code names, in one place: when a runtime class moves to
 * another package, this file is the one to change.
 */
public final class RuntimeTypes {
  /** The codec SPI every generated codec implements. */
  public static final ClassName CHUNK_CODEC = ClassName.get("io.chunkstate", "ChunkCodec");

  /** A four-letter chunk type code. */
  public static final ClassName CHUNK_TYPE = ClassName.get("io.chunkstate", "ChunkType");

  /** The one exception a reader throws. */
  public static final ClassName CHUNK_STREAM_EXCEPTION =
      ClassName.get("io.chunkstate", "ChunkStreamException");

  /** What {@code decode} reads field values from. */
  public static final ClassName WIRE_READER = ClassName.get("io.chunkstate.wire", "WireReader");

  /** What {@code encode} writes field values to. */
  public static final ClassName WIRE_WRITER = ClassName.get("io.chunkstate.wire", "WireWriter");

  /** What {@code description()} returns: the type without its class. */
  public static final ClassName TYPE_DESCRIPTION =
      ClassName.get("io.chunkstate.schema", "TypeDescription");

  /** One inline field of a description. */
  public static final ClassName FIELD_DESCRIPTION =
      ClassName.get("io.chunkstate.schema", "FieldDescription");

  /** One sub-chunk field of a description. */
  public static final ClassName SUB_CHUNK_FIELD =
      ClassName.get("io.chunkstate.schema", "SubChunkField");

  /** How an inline field travels, in a description. */
  public static final ClassName SCHEMA_WIRE_TYPE = ClassName.get("io.chunkstate.schema", "WireType");

  /** All of them. */
  static final List<ClassName> ALL =
      List.of(
          CHUNK_CODEC,
          CHUNK_TYPE,
          CHUNK_STREAM_EXCEPTION,
          WIRE_READER,
          WIRE_WRITER,
          TYPE_DESCRIPTION,
          FIELD_DESCRIPTION,
          SUB_CHUNK_FIELD,
          SCHEMA_WIRE_TYPE);

  private RuntimeTypes() {}
}
