package io.chunkstate;

/** The {@code CHDR} chunk of SPEC §3: the format version and the producer's name. */
final class Header {
  /** The format major version this runtime reads and writes. */
  static final int FORMAT_MAJOR = 1;

  /** The format minor version this runtime writes. */
  static final int FORMAT_MINOR = 0;

  private Header() {}

  /** Writes the signature and a {@code CHDR} naming {@code producer}. */
  static void write(WireWriter out, String producer) {
    byte[] signature = Signature.CHUNKSTATE.raw();
    out.writeRaw(signature, 0, signature.length);
    int mark = out.beginChunk(ChunkType.CHDR);
    out.writeShort((short) FORMAT_MAJOR);
    out.writeShort((short) FORMAT_MINOR);
    out.writeString(producer);
    out.endChunk(mark);
  }
}
