package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.Restore;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A restore into live targets through generated codecs, where a target is not what the stream
 * was written from: a list of mutable sub-chunks with an empty slot, a snapshot restored a second
 * time, the same object given twice.
 */
class RestoreTargetsTest {
  private static GeneratedCodecs schema;
  private static ChunkRegistry registry;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "v.Detent",
                    "package v;",
                    "@io.chunkstate.annotation.Chunk(\"deTn\")",
                    "public class Detent { public int step; }"),
                source(
                    "v.Shelf",
                    "package v;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"ShLf\")",
                    "public class Shelf { public int id; public List<Detent> detents; }"),
                source(
                    "v.Latch",
                    "package v;",
                    "@io.chunkstate.annotation.Chunk(\"laTc\")",
                    "public class Latch { public final byte[] bits = new byte[2]; }"),
                source(
                    "v.Rack",
                    "package v;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"RaCk\")",
                    "public class Rack { public List<Latch> latches; }"),
                source(
                    "v.Pan",
                    "package v;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"PaNs\")",
                    "public class Pan { public long[] history; public List<Detent> ds; }")));
    registry =
        ChunkRegistry.of(
            schema.codec("v.Detent"),
            schema.codec("v.Shelf"),
            schema.codec("v.Latch"),
            schema.codec("v.Rack"),
            schema.codec("v.Pan"));
  }

  private static Object create(String type) throws Exception {
    return schema.type(type).getConstructor().newInstance();
  }

  private static void set(Object owner, String field, Object value) throws Exception {
    owner.getClass().getField(field).set(owner, value);
  }

  private static Object get(Object owner, String field) throws Exception {
    return owner.getClass().getField(field).get(owner);
  }

  private static Object detent(int step) throws Exception {
    Object d = create("v.Detent");
    set(d, "step", step);
    return d;
  }

  private static Object shelf(int id, Object... detents) throws Exception {
    Object s = create("v.Shelf");
    set(s, "id", id);
    set(s, "detents", new ArrayList<>(Arrays.asList(detents)));
    return s;
  }

  private static byte[] write(Object... states) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "review", registry)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  @Test
  void aLiveListWithAnEmptySlotTakesTheDecodedListAndTheRestoreCompletes() throws Exception {
    byte[] stream = write(shelf(1, detent(11)), shelf(2, detent(22)));
    Object first = shelf(10, detent(100));
    Object kept = ((List<?>) get(first, "detents")).get(0);
    Object second = shelf(20, new Object[] {null});
    Restore.of(registry).into(List.of(first, second)).from(StateReader.read(stream, registry));
    assertEquals(1, get(first, "id"));
    assertSame(kept, ((List<?>) get(first, "detents")).get(0), "a full list: updated in place");
    assertEquals(11, get(kept, "step"));
    assertEquals(2, get(second, "id"));
    assertEquals(22, get(((List<?>) get(second, "detents")).get(0), "step"));
  }

  @Test
  void anEmptySlotIsNotAskedWhetherItsElementFitsAndTakesTheDecodedList() throws Exception {
    Object latch = create("v.Latch");
    ((byte[]) get(latch, "bits"))[1] = 9;
    Object source = create("v.Rack");
    set(source, "latches", new ArrayList<>(List.of(latch)));
    byte[] stream = write(source);
    Object target = create("v.Rack");
    set(target, "latches", new ArrayList<>(Arrays.asList((Object) null)));
    Restore.of(registry).into(List.of(target)).from(StateReader.read(stream, registry));
    Object restored = ((List<?>) get(target, "latches")).get(0);
    assertArrayEquals(new byte[] {0, 9}, (byte[]) get(restored, "bits"));
  }

  @Test
  void aSnapshotIsRestoredOnceAndASecondRestoreChangesNothing() throws Exception {
    Object source = create("v.Pan");
    set(source, "history", new long[] {1, 2});
    set(source, "ds", new ArrayList<>(List.of(detent(3))));
    byte[] stream = write(source);
    Snapshot snapshot = StateReader.read(stream, registry);

    Object first = create("v.Pan");
    set(first, "history", new long[] {0});
    set(first, "ds", new ArrayList<>());
    Restore.of(registry).into(List.of(first)).from(snapshot);
    assertTrue(snapshot.isRestored());
    // The first machine runs on, with what the snapshot held.
    ((long[]) get(first, "history"))[0] = 99;
    set(((List<?>) get(first, "ds")).get(0), "step", 77);

    Object second = create("v.Pan");
    long[] history = {0};
    set(second, "history", history);
    set(second, "ds", new ArrayList<>());
    Restore again = Restore.of(registry).into(List.of(second));
    assertThrows(IllegalStateException.class, () -> again.from(snapshot));
    assertSame(history, get(second, "history"), "a refused restore changed its target");
    assertEquals(0, history[0]);

    // The stream read again restores the stream's state, sharing nothing with the first machine.
    again.from(StateReader.read(stream, registry));
    assertArrayEquals(new long[] {1, 2}, (long[]) get(second, "history"));
    assertEquals(3, get(((List<?>) get(second, "ds")).get(0), "step"));
    assertNotSame(get(first, "history"), get(second, "history"));
  }

  @Test
  void aRestoreThatFailsLeavesTheSnapshotToRestore() throws Exception {
    Snapshot snapshot = StateReader.read(write(shelf(5, detent(6))), registry);
    Restore none = Restore.of(registry);
    assertThrows(RestoreException.class, () -> none.from(snapshot), "a critical chunk, no target");
    assertFalse(snapshot.isRestored());
    Object target = shelf(0, detent(0));
    Restore.of(registry).into(List.of(target)).from(snapshot);
    assertEquals(5, get(target, "id"));
    assertTrue(snapshot.isRestored());
  }

  @Test
  void theSameObjectGivenTwiceAsATargetIsRefused() throws Exception {
    Object target = detent(0);
    Restore restore = Restore.of(registry);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> restore.into(List.of(target, target)));
    assertTrue(e.getMessage().contains("v.Detent is a target twice"), e.getMessage());
    Restore once = restore.into(List.of(target));
    assertThrows(IllegalArgumentException.class, () -> once.into(List.of(target)));
  }
}
