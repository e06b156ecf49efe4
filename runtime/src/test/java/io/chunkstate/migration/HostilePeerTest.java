package io.chunkstate.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ReadOptions;
import io.chunkstate.PreFlight;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.migration.MigrationChunks.Ack;
import io.chunkstate.migration.MigrationChunks.Commit;
import io.chunkstate.migration.MigrationChunks.Devices;
import io.chunkstate.migration.MigrationChunks.Failed;
import io.chunkstate.migration.MigrationChunks.Geometry;
import io.chunkstate.migration.MigrationChunks.PageBatch;
import io.chunkstate.migration.MigrationChunks.Ready;
import io.chunkstate.migration.MigrationChunks.Round;
import io.chunkstate.migration.MigrationChunks.SwitchOver;
import io.chunkstate.migration.TestMachine.Destination;
import io.chunkstate.migration.TestMachine.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * A source or destination that breaks the protocol, against the real other side: each session
 * ends in one of the two outcomes, with an error that says what and where.
 */
class HostilePeerTest {
  private static final int PAGE = 256;
  private static final int PAGES = 8;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final ChunkRegistry SESSION = Message.SESSION;
  // Where the first chunk after CHDR starts in a message of these tests: signature, CHDR.
  private static final int CHUNKS = 8 + 12 + 2 + 2 + 4 + "hostile".length();
  // Each within a read's budget of 16 MiB under the tests' -Xmx64m, its buffer too; a few of
  // them are not.
  private static final int LARGE = 6 << 20;

  /** One complete message of {@code states}. */
  private static byte[] message(Object... states) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StateWriter writer = StateWriter.open(out, "hostile", SESSION);
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** One chunk: length, type, data, CRC of type and data. */
  private static byte[] chunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    byte[] code = type.getBytes(StandardCharsets.US_ASCII);
    b.putInt(data.length).put(code).put(data);
    CRC32 crc = new CRC32();
    crc.update(code);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** The chunks of a message of {@code states} alone: without signature, CHDR and CEND. */
  private static byte[] chunks(Object... states) {
    byte[] whole = message(states);
    return Arrays.copyOfRange(whole, CHUNKS, whole.length - 12);
  }

  /**
   * The message {@code head} without its CEND, then {@code count} chunks of type {@code type}
   * with {@code size} bytes of data each (the same array each time: hundreds of MiB may pass
   * through a 64 MiB heap), then CEND.
   */
  private static InputStream large(byte[] head, String type, int size, int count) {
    byte[] chunk = chunk(type, new byte[size]);
    List<InputStream> parts = new ArrayList<>();
    parts.add(new ByteArrayInputStream(head, 0, head.length - 12));
    for (int i = 0; i < count; i++) {
      parts.add(new ByteArrayInputStream(chunk));
    }
    parts.add(new ByteArrayInputStream(chunk("CEND", new byte[0])));
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  private static PreFlight.Offer offer() {
    return PreFlight.Offer.of("hostile", TestMachine.registry(1), Set.of());
  }

  /** A batch of pages {@code indices}, each {@code size} bytes of its index. */
  private static PageBatch pages(int size, long... indices) {
    GuestMemory filler =
        new TestMachine.Memory(size, 1) {
          @Override
          public synchronized void readPage(long page, ByteBuffer dst) {
            for (int i = 0; i < size; i++) {
              dst.put((byte) page);
            }
          }
        };
    PageBatch batch = new PageBatch(filler);
    for (long index : indices) {
      batch.pages[batch.count++] = index;
    }
    return batch;
  }

  private static Devices devices(Destination like) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "hostile", like.registry);
    writer.write(new TestMachine.Cpu(1, 2));
    writer.write(new TestMachine.Nic(3, null));
    writer.finish();
    return new Devices(out.toByteArray());
  }

  // ---- a hostile source against a real destination ----

  /** A destination on loopback, and a socket to it that the test writes as a source would. */
  private static final class Scripted implements AutoCloseable {
    final Destination machine = new Destination(1, PAGE, PAGES, false);
    final Loopback.Listening listening;
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    Scripted() throws IOException {
      listening =
          new Loopback.Listening(
              MigrationDestination.builder(machine.registry).timeout(TIMEOUT).build(), machine);
      socket = Loopback.connect(listening.port());
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    Snapshot answer() throws IOException {
      return StateReader.readEmbedded(in, SESSION);
    }

    /** Sends the offer and reads the answer, which accepts. */
    void preFlight() throws IOException {
      send(message(offer(), new Geometry(PAGE, PAGES)));
      assertTrue(answer().get(PreFlight.Answer.class).accepted());
    }

    DestinationOutcome outcome() {
      DestinationOutcome outcome = listening.await();
      assertEquals(outcome.running(), machine.started);
      return outcome;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      listening.close();
    }
  }

  private static void assertFailure(
      Scripted s, DestinationOutcome outcome, String kind, long offset, String path, String text)
      throws IOException {
    assertFalse(outcome.running());
    String expected = kind + " at offset " + offset + (path.isEmpty() ? "" : " in " + path);
    assertTrue(outcome.reason().contains(expected), outcome.reason());
    assertTrue(outcome.reason().contains(text), outcome.reason());
    Failed failed = s.answer().get(Failed.class);
    assertEquals(new Failed(kind, offset, path, failed.message()), failed);
    assertTrue(failed.message().contains(text), failed.message());
  }

  @Test
  void aSessionThatStartsWithAnotherMessageThanTheOfferEndsAtItsFirstChunk() throws IOException {
    try (Scripted s = new Scripted()) {
      s.send(message(new Commit()));
      assertFailure(s, s.outcome(), "STRUCTURE", 35, "MCMT", "MCMT where OFFR belongs");
    }
  }

  @Test
  void anOfferWithATrailingChunkIsRefusedAtThatChunk() throws IOException {
    try (Scripted s = new Scripted()) {
      byte[] offer = message(offer(), new Geometry(PAGE, PAGES), new Commit());
      s.send(offer);
      DestinationOutcome outcome = s.outcome();
      long at = offer.length - 12 - 12; // MCMT, then CEND
      assertFailure(s, outcome, "STRUCTURE", at, "MCMT", "MCMT where CEND belongs");
    }
  }

  @Test
  void aGeometryMismatchIsRefusedAtPreFlightWithTheFinding() throws IOException {
    try (Scripted s = new Scripted()) {
      s.send(message(offer(), new Geometry(PAGE * 2, PAGES)));
      PreFlight.Answer answer = s.answer().get(PreFlight.Answer.class);
      assertFalse(answer.accepted());
      assertEquals("memory-geometry", answer.findings().get(0).rule());
      assertEquals("pageSize", answer.findings().get(0).field());
      DestinationOutcome outcome = s.outcome();
      assertFalse(outcome.running());
      assertTrue(outcome.reason().contains("refused at pre-flight"), outcome.reason());
    }
  }

  @Test
  void aPageIndexOutOfRangeFailsTheTransferAtItsChunk() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      byte[] round = message(new Round(1, 2), pages(PAGE, 0, PAGES));
      s.send(round);
      long at = 8 + 12 + 2 + 2 + 4 + 7 + 12 + 12; // signature, CHDR("hostile"), MRND
      assertFailure(
          s, s.outcome(), "DATA", at, "MPAG", "page index 8 is outside the guest memory's 8");
    }
  }

  @Test
  void aPageOfTheWrongSizeFailsTheTransferAtItsChunk() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      s.send(message(new Round(1, 1), pages(PAGE / 2, 0)));
      long at = 8 + 12 + 2 + 2 + 4 + 7 + 12 + 12;
      assertFailure(
          s, s.outcome(), "LENGTH", at, "MPAG",
          "a page chunk of " + (4 + 8 + PAGE / 2) + " bytes of data does not hold 1 to 64 pages");
    }
  }

  @Test
  void aPageChunkThatCountsNoPageIsADataError() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      byte[] round = message(new Round(1, 1));
      s.send(concat(Arrays.copyOf(round, round.length - 12), chunk("MPAG", new byte[4]),
          chunk("CEND", new byte[0])));
      assertFailure(
          s, s.outcome(), "DATA", CHUNKS + 12 + 12, "MPAG", "carries 1 to 64 pages, not 0");
    }
  }

  @Test
  void anOfferOfManyLargeChunksIsRefusedAtTheFirstAndAcceptReturns() throws IOException {
    try (Scripted s = new Scripted()) {
      byte[] offer = message(offer(), new Geometry(PAGE, PAGES));
      try {
        large(offer, "MDEV", LARGE, 16).transferTo(s.out); // 96 MiB of states, held at once
      } catch (IOException e) {
        // the destination closed the connection
      }
      DestinationOutcome outcome = s.outcome(); // an AssertionError if accept threw
      assertFalse(outcome.running());
      assertTrue(outcome.reason().contains("STRUCTURE at offset " + (offer.length - 12)
          + " in MDEV"), outcome.reason());
      assertTrue(outcome.reason().contains("MDEV where CEND belongs"), outcome.reason());
    }
  }

  @Test
  void aChunkThatDoesNotBelongIsRefusedBeforeItsDataIsRead() throws IOException {
    // 80 MiB of MDEV chunks where the offer's MGEO belongs; a commit with 2 MiB of data.
    byte[] offer = message(offer());
    ChunkStreamException e =
        refused(
            large(offer, "MDEV", 2 << 20, 40),
            Message.Shape.of(PreFlight.Offer.class, Geometry.class));
    assertEquals(ChunkStreamException.Kind.STRUCTURE, e.kind());
    assertEquals(offer.length - 12, e.offset());
    assertTrue(e.getMessage().contains("MDEV where MGEO belongs"), e.getMessage());

    byte[] commit = message(new Commit());
    byte[] empty = Arrays.copyOf(commit, commit.length - 12); // the MCMT goes, CEND stays
    e = refused(large(empty, "MCMT", 2 << 20, 1), Message.Shape.of(Commit.class));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
    assertEquals(commit.length - 24, e.offset());
  }

  @Test
  void aMessageThatEndsShortIsRefusedAtItsCend() throws IOException {
    // The offer without its MGEO, and an unknown chunk the read skips before CEND.
    byte[] offer = message(offer());
    byte[] cend = chunk("CEND", new byte[0]);
    byte[] skipped = chunk("xxXx", new byte[5]);
    byte[] shortOffer =
        concat(Arrays.copyOf(offer, offer.length - cend.length), skipped, cend);
    ChunkStreamException e =
        refused(
            new ByteArrayInputStream(shortOffer),
            Message.Shape.of(PreFlight.Offer.class, Geometry.class));
    assertEquals(ChunkStreamException.Kind.STRUCTURE, e.kind());
    assertEquals(shortOffer.length - cend.length, e.offset());
    assertEquals("CEND", e.path());
    assertTrue(e.getMessage().contains("message ends where MGEO belongs"), e.getMessage());

    // No state at all, after a message read well on the same link.
    byte[] commit = message(new Commit());
    byte[] empty = message();
    Link link = Link.of(new ByteArrayInputStream(concat(commit, empty)),
        new ByteArrayOutputStream(), TIMEOUT);
    try {
      Message.read(link, "test", ReadOptions.defaults(), Message.Shape.of(Commit.class));
      e = assertThrows(ChunkStreamException.class,
          () -> Message.read(link, "test", ReadOptions.defaults(), Message.Shape.of(Commit.class)));
    } finally {
      link.close();
    }
    assertEquals(ChunkStreamException.Kind.STRUCTURE, e.kind());
    assertEquals(empty.length - cend.length, e.offset());
    assertTrue(e.getMessage().contains("message ends where MCMT belongs"), e.getMessage());
  }

  @Test
  void theBytesOfDevicesAndPagesCountInTheMessagesBudget() throws IOException {
    // What a destination keeps is charged beside the buffer the chunk is read into: each byte of
    // data once in each (a chunk this small fits the buffer's first size).
    int n = 16 << 10;
    byte[] state = new byte[n];
    Arrays.fill(state, (byte) 7);
    long devices = leastBudget(message(new Devices(state)), Devices.class)
        - leastBudget(message(new Devices(new byte[0])), Devices.class);
    assertTrue(devices >= 2L * n, "an MDEV of " + n + " bytes takes a budget of " + devices);
    long pages = leastBudget(message(pages(PAGE, 0, 1, 2)), PageBatch.class)
        - leastBudget(message(pages(PAGE, 0)), PageBatch.class);
    assertTrue(pages >= 2L * (2 * PAGE), "two more pages take a budget of " + pages);

    ChunkStreamException e =
        readFails(message(new Devices(state)), ReadOptions.defaults().withAllocationBudget(n),
            Devices.class);
    assertEquals(ChunkStreamException.Kind.LIMIT, e.kind());
    assertEquals(CHUNKS, e.offset());
    assertEquals("MDEV", e.path());

    // Within the budget, the bytes read are the bytes sent.
    ReadOptions roomy = ReadOptions.defaults();
    assertTrue(Arrays.equals(state, read(message(new Devices(state)), roomy, Devices.class)
        .stream()));
    PageBatch batch = read(message(pages(PAGE, 0, 1, 2)), roomy, PageBatch.class);
    assertEquals(List.of(0L, 1L, 2L), Arrays.stream(batch.pages).boxed().toList());
    byte[] expected = new byte[3 * PAGE]; // each page holds its index
    Arrays.fill(expected, PAGE, 2 * PAGE, (byte) 1);
    Arrays.fill(expected, 2 * PAGE, 3 * PAGE, (byte) 2);
    assertTrue(Arrays.equals(expected, batch.data));
  }

  /** The smallest allocation budget within which the one-state {@code message} is read. */
  private static long leastBudget(byte[] message, Class<?> type) throws IOException {
    long low = 0; // refused
    long high = 1 << 30; // read
    read(message, ReadOptions.defaults().withAllocationBudget(high), type);
    while (high - low > 1) {
      long mid = (low + high) >>> 1;
      try {
        read(message, ReadOptions.defaults().withAllocationBudget(mid), type);
        high = mid;
      } catch (ChunkStreamException e) {
        assertEquals(ChunkStreamException.Kind.LIMIT, e.kind(), e.getMessage());
        low = mid;
      }
    }
    return high;
  }

  private static <T> T read(byte[] message, ReadOptions options, Class<T> type)
      throws IOException {
    try (Link link = Link.of(new ByteArrayInputStream(message), new ByteArrayOutputStream(),
        TIMEOUT)) {
      return Message.read(link, "test", options, Message.Shape.of(type)).only(type);
    }
  }

  private static ChunkStreamException readFails(
      byte[] message, ReadOptions options, Class<?> type) {
    return assertThrows(ChunkStreamException.class, () -> read(message, options, type));
  }

  /** The error of the message read from {@code in}, which refuses it within its first MiB. */
  private static ChunkStreamException refused(InputStream in, Message.Shape shape)
      throws IOException {
    Link link = Link.of(in, new ByteArrayOutputStream(), TIMEOUT);
    try {
      Message.read(link, "test", ReadOptions.defaults().withMaxChunkLength(64 << 20), shape);
      throw new AssertionError("the message was read");
    } catch (ChunkStreamException e) {
      assertTrue(link.bytesIn() < 1 << 20, "read " + link.bytesIn() + " bytes: " + e);
      return e;
    } finally {
      link.close();
    }
  }

  @Test
  void unknownChunksBetweenThePagesOfARoundAllCountInOneBudget() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      byte[] round = message(new Round(1, Long.MAX_VALUE));
      byte[] unknown = chunk("xxXx", new byte[0]);
      byte[] many = new byte[unknown.length * 1000];
      for (int i = 0; i < 1000; i++) {
        System.arraycopy(unknown, 0, many, i * unknown.length, unknown.length);
      }
      byte[] page = chunks(pages(PAGE, 0));
      try {
        s.out.write(round, 0, round.length - 12);
        // A million records of skipped chunks, a thousand between two pages: more than the heap.
        for (int i = 0; i < 1000; i++) {
          s.out.write(many);
          s.out.write(page);
        }
        s.send(chunk("CEND", new byte[0]));
      } catch (IOException e) {
        // the destination closed the connection
      }
      DestinationOutcome outcome = s.outcome(); // an AssertionError if accept threw
      assertFalse(outcome.running());
      assertTrue(outcome.reason().contains("LIMIT at offset"), outcome.reason());
    }
  }

  @Test
  void moreOrFewerPagesThanARoundDeclaresFailTheTransfer() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      s.send(message(new Round(1, 3), pages(PAGE, 0, 1)));
      assertFailure(s, s.outcome(), "DATA", 35, "MRND", "3 pages were declared and 2 came");
    }
  }

  @Test
  void aRoundOutOfOrderFailsTheTransfer() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      s.send(message(new Round(2, 0)));
      assertFailure(s, s.outcome(), "DATA", 35, "MRND", "round 2 came where round 1 belongs");
    }
  }

  @Test
  void aDuplicatedCommitInOneMessageIsNoCommitAndTheDestinationDoesNotRun() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      s.send(message(new SwitchOver(0, 1), pages(PAGE, 3), devices(s.machine)));
      assertTrue(s.answer().states().get(0) instanceof Ready);
      byte[] commit = message(new Commit(), new Commit());
      s.send(commit);
      assertFailure(
          s, s.outcome(), "STRUCTURE", commit.length - 24, "MCMT", "MCMT where CEND belongs");
      assertEquals(0, s.machine.starts());
    }
  }

  @Test
  void aSecondCommitMessageIsNeverReadAndTheDestinationStartsOnce() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      s.send(message(new SwitchOver(0, 0), devices(s.machine)));
      assertTrue(s.answer().states().get(0) instanceof Ready);
      s.send(concat(message(new Commit()), message(new Commit())));
      assertTrue(s.answer().states().get(0) instanceof Ack);
      DestinationOutcome outcome = s.outcome();
      assertTrue(outcome.running(), outcome.reason());
      assertEquals(1, s.machine.starts());
    }
  }

  @Test
  void bytesAfterAMessagesCendAreTheNextMessageAndAreNotLost() throws IOException {
    try (Scripted s = new Scripted()) {
      // Everything at once: the destination reads each message in turn from one buffer.
      s.send(
          concat(
              message(offer(), new Geometry(PAGE, PAGES)),
              message(new Round(1, 2), pages(PAGE, 0, 7)),
              message(new SwitchOver(1, 1), pages(PAGE, 5), devices(s.machine)),
              message(new Commit())));
      assertTrue(s.answer().get(PreFlight.Answer.class).accepted());
      assertTrue(s.answer().states().get(0) instanceof Ready);
      assertTrue(s.answer().states().get(0) instanceof Ack);
      DestinationOutcome outcome = s.outcome();
      assertTrue(outcome.running(), outcome.reason());
      ByteBuffer page = ByteBuffer.allocate(PAGE);
      s.machine.memory.readPage(7, page);
      assertEquals(7, page.get(0));
      page.clear();
      s.machine.memory.readPage(5, page);
      assertEquals(5, page.get(PAGE - 1));
    }
  }

  @Test
  void aCommitCutShortIsNoCommit() throws IOException {
    try (Scripted s = new Scripted()) {
      s.preFlight();
      s.send(message(new SwitchOver(0, 0), devices(s.machine)));
      assertTrue(s.answer().states().get(0) instanceof Ready);
      byte[] commit = message(new Commit());
      s.out.write(commit, 0, commit.length - 1);
      s.socket.shutdownOutput();
      DestinationOutcome outcome = s.outcome();
      assertFalse(outcome.running());
      assertTrue(outcome.reason().contains("TRUNCATED"), outcome.reason());
    }
  }

  // ---- a hostile destination against a real source ----

  /**
   * Runs a real source against a destination that reads each message the source sends and
   * answers with {@code answers}, in turn: the answer for the offer, for the switch-over, for the
   * commit (null: no answer; the connection closes).
   */
  private static SourceOutcome against(Source machine, byte[]... answers) throws Exception {
    InputStream[] streams = new InputStream[answers.length];
    for (int i = 0; i < answers.length; i++) {
      streams[i] = answers[i] == null ? null : new ByteArrayInputStream(answers[i]);
    }
    return against(machine, streams);
  }

  /**
   * As {@link #against(Source, byte[]...)}, with answers that may be longer than the heap: an
   * answer the source stops reading ends the destination's part.
   */
  private static SourceOutcome against(Source machine, InputStream... answers) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> destination =
          CompletableFuture.runAsync(
              () -> {
                try (Socket socket = server.accept()) {
                  InputStream in = socket.getInputStream();
                  OutputStream out = socket.getOutputStream();
                  int answered = 0;
                  while (answered < answers.length) {
                    Snapshot read = StateReader.readEmbedded(in, SESSION);
                    Object first = read.states().get(0);
                    if (first instanceof Round) {
                      continue;
                    }
                    InputStream answer = answers[answered++];
                    if (answer == null) {
                      return;
                    }
                    try {
                      answer.transferTo(out);
                      out.flush();
                    } catch (IOException e) {
                      return; // the source stopped reading
                    }
                  }
                  in.readAllBytes();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      SourceOutcome outcome =
          MigrationSource.builder(machine.registry)
              .timeout(TIMEOUT)
              .build()
              .migrate(machine, Loopback.connect(server.getLocalPort()));
      destination.get(10, TimeUnit.SECONDS);
      return outcome;
    }
  }

  private static byte[] accept() {
    return message(new PreFlight.Answer(List.of()));
  }

  private static Source machine() {
    return new Source(1, PAGE, PAGES, false, 9);
  }

  @Test
  void anAnswerOfTheWrongTypeLeavesTheSourceRunningWithoutPausing() throws Exception {
    Source machine = machine();
    SourceOutcome outcome = against(machine, message(new Ack()));
    assertEquals(SourceOutcome.State.RUNNING, outcome.state());
    assertEquals(0, machine.pauses());
    assertTrue(
        outcome.reason().contains("STRUCTURE at offset 35 in MACK")
            && outcome.reason().contains("MACK where ANSW belongs"),
        outcome.reason());
  }

  @Test
  void anAnswerWithATrailingChunkLeavesTheSourceRunning() throws Exception {
    Source machine = machine();
    byte[] answer = message(new PreFlight.Answer(List.of()), new Ack());
    SourceOutcome outcome = against(machine, answer);
    assertEquals(SourceOutcome.State.RUNNING, outcome.state());
    assertEquals(0, machine.pauses());
    assertTrue(outcome.reason().contains("MACK where CEND belongs"), outcome.reason());
  }

  @Test
  void aDamagedReadyAnswerResumesTheSourceUnchanged() throws Exception {
    Source machine = machine();
    byte[] ready = message(new Ready(List.of()));
    ready[ready.length - 14] ^= 1; // the CRC of MRDY
    SourceOutcome outcome = against(machine, accept(), ready);
    assertEquals(SourceOutcome.State.RUNNING, outcome.state());
    assertEquals(1, machine.resumes());
    assertEquals(machine.atPause, machine.atResume);
    assertTrue(outcome.reason().contains("CRC at offset"), outcome.reason());
  }

  @Test
  void aReadyAnswerOfManyLargeChunksIsRefusedAtTheFirstAndTheSourceResumes() throws Exception {
    Source machine = machine();
    SourceOutcome outcome =
        against(
            machine,
            new ByteArrayInputStream(accept()),
            large(message(new Ready(List.of())), "MDEV", LARGE, 24)); // 144 MiB of states
    assertEquals(SourceOutcome.State.RUNNING, outcome.state(), outcome.reason());
    assertEquals(1, machine.pauses());
    assertEquals(1, machine.resumes());
    assertEquals(machine.atPause, machine.atResume);
    assertTrue(outcome.reason().contains("MDEV where CEND belongs"), outcome.reason());
  }

  @Test
  void theDestinationsFailureReachesTheSourceWithKindOffsetAndPath() throws Exception {
    Source machine = machine();
    SourceOutcome outcome =
        against(machine, accept(), message(new Failed("DATA", 1234, "MDEV/NiCs", "refused")));
    assertEquals(SourceOutcome.State.RUNNING, outcome.state());
    assertEquals(1, machine.resumes());
    assertEquals(
        new SourceOutcome.RemoteError("DATA", 1234, "MDEV/NiCs", "refused"),
        outcome.remoteError().orElseThrow());
    assertTrue(
        outcome.reason().contains("DATA at offset 1234 in MDEV/NiCs: refused"), outcome.reason());
  }

  @Test
  void noAcknowledgmentLeavesTheSourceInDoubtAndPaused() throws Exception {
    Source machine = machine();
    SourceOutcome outcome = against(machine, accept(), message(new Ready(List.of())), null);
    assertEquals(SourceOutcome.State.IN_DOUBT, outcome.state());
    assertEquals(1, machine.pauses());
    assertEquals(0, machine.resumes());
    assertTrue(outcome.reason().contains("no acknowledgment"), outcome.reason());
  }

  @Test
  void anAcknowledgmentSentAheadIsReadAsTheNextMessage() throws Exception {
    Source machine = machine();
    SourceOutcome outcome =
        against(machine, accept(), concat(message(new Ready(List.of())), message(new Ack())));
    assertEquals(SourceOutcome.State.STOPPED, outcome.state(), outcome.reason());
  }

  @Test
  void anIntactFailureAfterTheCommitResumesTheSourceUnchanged() throws Exception {
    Source machine = machine();
    SourceOutcome outcome =
        against(
            machine,
            accept(),
            message(new Ready(List.of())),
            message(new Failed("CRC", 52, "MCMT", "the commit arrived damaged")));
    assertEquals(SourceOutcome.State.RUNNING, outcome.state(), outcome.reason());
    assertEquals(1, machine.resumes());
    assertEquals(machine.atPause, machine.atResume);
    assertEquals("CRC", outcome.remoteError().orElseThrow().kind());
    assertTrue(outcome.reason().contains("at the commit"), outcome.reason());
  }

  @Test
  void aDamagedFailureAfterTheCommitLeavesTheSourceInDoubt() throws Exception {
    Source machine = machine();
    byte[] failed = message(new Failed("CRC", 52, "MCMT", "the commit arrived damaged"));
    failed[failed.length - 14] ^= 1; // the CRC of MFAI
    SourceOutcome outcome =
        against(machine, accept(), message(new Ready(List.of())), failed);
    assertEquals(SourceOutcome.State.IN_DOUBT, outcome.state(), outcome.reason());
    assertEquals(0, machine.resumes());
  }
}
