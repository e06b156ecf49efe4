package io.chunkstate.framing;

import static io.chunkstate.testing.StreamBuilder.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.testing.Structures;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The copy rules of SPEC §2, case by case: a chunk whose type is known or unknown, with each of
 * the 16 combinations of its four property bits, in an edit that changes a critical chunk or one
 * that does not, at the top level or two levels down. The outcomes below are written from the
 * rules, not from running the editor.
 */
class CopyRulesTest {
  /**
   * For each code (the letters Q, U, I, K in upper or lower case: critical/ancillary,
   * public/private, reserved bit clear/set, unsafe/safe to copy), the outcome when the editor
   * knows the type and makes no critical change, knows it and makes one, does not know it and
   * makes none, does not know it and makes one. K: kept byte for byte; D: dropped; S: the editor
   * stops with UNKNOWN_CRITICAL. A reserved-bit code is unknown even where the structure knows it;
   * the safe-to-copy bit matters for unknown ancillary chunks only.
   */
  private static final String TABLE =
      """
      QUIK  K K S S   critical, public, unsafe
      QUIk  K K S S   critical, public, safe
      QUiK  S S S S   critical, public, reserved, unsafe
      QUik  S S S S   critical, public, reserved, safe
      QuIK  K K S S   critical, private, unsafe
      QuIk  K K S S   critical, private, safe
      QuiK  S S S S   critical, private, reserved, unsafe
      Quik  S S S S   critical, private, reserved, safe
      qUIK  K K K D   ancillary, public, unsafe
      qUIk  K K K K   ancillary, public, safe
      qUiK  K D K D   ancillary, public, reserved, unsafe
      qUik  K K K K   ancillary, public, reserved, safe
      quIK  K K K D   ancillary, private, unsafe
      quIk  K K K K   ancillary, private, safe
      quiK  K D K D   ancillary, private, reserved, unsafe
      quik  K K K K   ancillary, private, reserved, safe
      """;

  private static final ChunkType NOTE = ChunkType.of("nOte");
  private static final ChunkType TARGET = ChunkType.of("TaRg");
  private static final byte[] DATA = {'d', 'a', 't', 'a'};

  record Case(String code, boolean known, boolean criticalChange, boolean nested, char outcome) {
    @Override
    public String toString() {
      return code + (known ? " known" : " unknown")
          + (criticalChange ? ", critical change" : ", no critical change")
          + (nested ? ", two levels down" : ", top level") + " -> " + outcome;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] cells = line.trim().split("\\s+");
      String code = cells[0];
      for (boolean nested : new boolean[] {false, true}) {
        cases.add(new Case(code, true, false, nested, cells[1].charAt(0)));
        cases.add(new Case(code, true, true, nested, cells[2].charAt(0)));
        cases.add(new Case(code, false, false, nested, cells[3].charAt(0)));
        cases.add(new Case(code, false, true, nested, cells[4].charAt(0)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theChunkIsKeptDroppedOrStopsTheEditor(Case c) throws Exception {
    Map<String, Integer> known = new HashMap<>(Map.of("PaRt", 4, "MiDd", 2, "TaRg", 1, "nOte", 0));
    if (c.known) {
      known.put(c.code, DATA.length);
    }
    ChunkEditor ancillaryEdit =
        ChunkEditor.of(Signature.CHUNKSTATE, Structures.fixed(known))
            .replace(ChunkPath.ROOT.child(NOTE, 0), new byte[] {5, 5, 5});
    ChunkEditor editor =
        c.criticalChange
            ? ancillaryEdit.replace(ChunkPath.ROOT.child(TARGET, 0), new byte[] {8, 8})
            : ancillaryEdit;
    assertEquals(c.criticalChange, editor.changesCritical());

    long[] offset = new long[1];
    byte[] input = stream(c, true, new byte[] {1, 2}, new byte[] {9}, offset);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String path = c.nested ? "PaRt/MiDd/" + c.code : c.code;
    switch (c.outcome) {
      case 'K', 'D' -> {
        List<SkippedChunk> dropped = editor.copy(input, out);
        byte[] target = c.criticalChange ? new byte[] {8, 8} : new byte[] {9};
        byte[] expected = stream(c, c.outcome == 'K', new byte[] {5, 5, 5}, target, offset);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(
            c.outcome == 'D'
                ? List.of(new SkippedChunk(ChunkType.of(c.code), offset[0], DATA.length, path))
                : List.of(),
            dropped);
      }
      case 'S' -> {
        ChunkStreamException e =
            assertThrows(ChunkStreamException.class, () -> editor.copy(input, out));
        assertEquals(ChunkStreamException.Kind.UNKNOWN_CRITICAL, e.kind());
        assertEquals(offset[0], e.offset());
        assertEquals(path, e.path());
        assertFalse(Streams.holdsCend(out.toByteArray()), "the output looks complete");
      }
      default -> throw new AssertionError(c.outcome);
    }
  }

  /**
   * CHDR, a known ancillary nOte, the chunk under test (or not) at the top level or in
   * PaRt/MiDd, a known critical TaRg after it, CEND; {@code offset[0]} is where the chunk under
   * test starts.
   */
  private static byte[] stream(
      Case c, boolean withChunk, byte[] note, byte[] target, long[] offset) {
    StreamBuilder b = withHeader().chunk("nOte", note);
    if (c.nested) {
      b.chunk(
          "PaRt",
          w -> {
            w.writeInt(7);
            int mark = w.beginChunk(ChunkType.of("MiDd"));
            w.writeShort((short) 3);
            if (withChunk) {
              offset[0] = w.size();
              int inner = w.beginChunk(ChunkType.of(c.code));
              w.writeRaw(DATA, 0, DATA.length);
              w.endChunk(inner);
            }
            w.endChunk(mark);
          });
    } else {
      b.chunk("PaRt", w -> w.writeInt(7));
      if (withChunk) {
        offset[0] = b.position();
        b.chunk(c.code, DATA);
      }
    }
    return b.chunk("TaRg", target).end().bytes();
  }
}
