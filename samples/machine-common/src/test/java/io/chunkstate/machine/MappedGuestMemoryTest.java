package io.chunkstate.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedGuestMemoryTest {
  @TempDir Path directory;

  @Test
  void theDirtyLogHoldsEveryPageWrittenSinceTheLastCollection() throws Exception {
    try (MappedGuestMemory memory = MappedGuestMemory.create(directory, 1)) {
      assertEquals(256, memory.pageCount());
      memory.write(3, 0, 1); // before the log starts: not recorded
      memory.startDirtyLog();
      memory.write(7, 8, 2);
      memory.write(200, 4088, 3);
      memory.write(7, 16, 4);

      BitSet dirty = new BitSet();
      memory.collectDirty(dirty);
      assertEquals(BitSet.valueOf(new long[] {1L << 7, 0, 0, 1L << (200 - 192)}), dirty);

      BitSet again = new BitSet();
      memory.collectDirty(again);
      assertTrue(again.isEmpty(), "a collection clears the log");

      memory.stopDirtyLog();
      memory.write(9, 0, 5);
      memory.collectDirty(again);
      assertTrue(again.isEmpty(), "a stopped log records nothing");
    }
  }

  @Test
  void pagesCopyOutAndInAtTheBufferPosition() throws Exception {
    try (MappedGuestMemory source = MappedGuestMemory.create(directory, 1);
        MappedGuestMemory target = MappedGuestMemory.create(directory, 1)) {
      source.write(5, 0, 0x1122334455667788L);
      source.write(5, 4088, -1L);
      byte[] wire = new byte[10 + 4096];
      ByteBuffer out = ByteBuffer.wrap(wire, 10, 4096);
      source.readPage(5, out);
      assertEquals(10 + 4096, out.position());
      assertEquals(0x11, wire[10]);

      target.writePage(250, ByteBuffer.wrap(wire, 10, 4096));
      byte[] copied = new byte[4096];
      target.copyPage(250, copied);
      byte[] original = new byte[4096];
      source.copyPage(5, original);
      assertArrayEquals(original, copied);
      assertThrows(IndexOutOfBoundsException.class,
          () -> target.writePage(256, ByteBuffer.wrap(new byte[4096])));
      assertThrows(IllegalArgumentException.class,
          () -> target.writePage(0, ByteBuffer.wrap(new byte[100])));
    }
  }

  @Test
  void theMemoryDigestFollowsEveryByteInPageOrder() throws Exception {
    try (MappedGuestMemory a = MappedGuestMemory.create(directory, 1);
        MappedGuestMemory b = MappedGuestMemory.create(directory, 1)) {
      assertEquals(Digests.memory(a), Digests.memory(b));
      assertTrue(Digests.memory(a).matches("[0-9a-f]{64}"), Digests.memory(a));
      b.write(255, 4088, 1);
      assertNotEquals(Digests.memory(a), Digests.memory(b));
    }
  }
}
