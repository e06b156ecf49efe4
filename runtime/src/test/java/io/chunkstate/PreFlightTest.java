package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Finding;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.Descriptions;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight check: a version-2 source whose new critical sub-chunk is absent is accepted by
 * a version-1 receiver; with the sub-chunk in use it is refused, before anything moves.
 */
class PreFlightTest {
  private static final ChunkType NIC = ChunkType.of("NiCs");
  private static final ChunkType TSO = ChunkType.of("TsOf");

  /** A codec that only describes: the pre-flight check compares descriptions alone. */
  private static ChunkCodec<Object> described(TypeDescription description) {
    return described(description, Object.class);
  }

  /** The same, for a registry of several: each codec needs a state class of its own. */
  @SuppressWarnings("unchecked") // the codec never makes a state of that class
  private static ChunkCodec<Object> described(TypeDescription description, Class<?> stateClass) {
    return new ChunkCodec<>() {
      @Override
      public ChunkType type() {
        return description.type();
      }

      @Override
      public Class<Object> stateClass() {
        return (Class<Object>) stateClass;
      }

      @Override
      public Optional<TypeDescription> description() {
        return Optional.of(description);
      }

      @Override
      public void encode(Object state, WireWriter out) {}

      @Override
      public Object decode(WireReader in) {
        return new Object();
      }
    };
  }

  private static final List<FieldDescription> FIELDS =
      List.of(FieldDescription.of("rdtr", WireType.Primitive.INT, "int"));
  private static final SubChunkField MSIX =
      new SubChunkField("msix", ChunkType.of("MsXs"), "p.Msix", false);

  private static final TypeDescription V1 =
      new TypeDescription(NIC, "p.E1000", FIELDS, List.of(MSIX));
  private static final TypeDescription V2 =
      new TypeDescription(
          NIC, "p.E1000", FIELDS, List.of(MSIX, new SubChunkField("tso", TSO, "p.Tso", false)));

  private static final ChunkRegistry RECEIVER_V1 = ChunkRegistry.of(described(V1));
  private static final ChunkRegistry SENDER_V2 = ChunkRegistry.of(described(V2));

  @Test
  void aNewCriticalSubChunkThatIsNotInUseIsAccepted() {
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", SENDER_V2, Set.of()), RECEIVER_V1);
    assertTrue(answer.accepted(), answer.toString());
    assertEquals(1, answer.findings().size());
    assertTrue(answer.findings().get(0).message().contains("this stream does not carry it"));
  }

  @Test
  void aNewCriticalSubChunkInUseIsRefusedWithTheFinding() {
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", SENDER_V2, Set.of(TSO)), RECEIVER_V1);
    assertFalse(answer.accepted());
    Finding finding = answer.findings().get(0);
    assertEquals("sub-chunk-unknown", finding.rule());
    assertEquals("tso", finding.field());
    assertTrue(finding.message().contains("TsOf"), finding.message());
  }

  private static final TypeDescription TSO_TYPE =
      new TypeDescription(TSO, "p.Tso", FIELDS, List.of());
  private static final ChunkRegistry SENDER_V2_WITH_TYPE =
      ChunkRegistry.of(described(V2, Object.class), described(TSO_TYPE, String.class));

  @Test
  void aNewCriticalTypeThatTravelsOnlyAsAnUnusedSubChunkIsAccepted() {
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", SENDER_V2_WITH_TYPE, Set.of()), RECEIVER_V1);
    assertTrue(answer.accepted(), answer.toString());
    assertEquals(
        List.of("sub-chunk-unknown", "type-unknown"),
        answer.findings().stream().map(Finding::rule).sorted().toList());
    assertTrue(
        answer.findings().stream().allMatch(f -> f.message().contains("does not carry it")),
        answer.toString());
  }

  @Test
  void aNewCriticalTypeInUseIsRefusedAsAnUnknownType() {
    PreFlight.Answer answer =
        PreFlight.answer(
            PreFlight.Offer.of("vmm 2", SENDER_V2_WITH_TYPE, Set.of(TSO)), RECEIVER_V1);
    assertFalse(answer.accepted());
    assertTrue(
        answer.findings().stream()
            .anyMatch(f -> f.isBreaking() && f.rule().equals("type-unknown") && f.type().equals(TSO)),
        answer.toString());
  }

  @Test
  void aNewCriticalTopLevelTypeIsRefusedWhetherOrNotInUse() {
    ChunkRegistry sender =
        ChunkRegistry.of(described(V1, Object.class), described(TSO_TYPE, String.class));
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", sender, Set.of()), RECEIVER_V1);
    assertFalse(answer.accepted(), "a top-level chunk the offer cannot rule out is judged");
    assertEquals("type-unknown", answer.findings().get(0).rule());
  }

  @Test
  void offerAndAnswerTravelAsChunks() throws IOException {
    PreFlight.Offer offer = PreFlight.Offer.of("vmm 2", SENDER_V2, Set.of(TSO));
    PreFlight.Answer answer = PreFlight.answer(offer, RECEIVER_V1);
    ChunkRegistry session = ChunkRegistry.of(PreFlight.OFFER_CODEC, PreFlight.ANSWER_CODEC);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "session", session)) {
      writer.write(offer);
      writer.write(answer);
      writer.finish();
    }
    Snapshot read = StateReader.read(out.toByteArray(), session);
    assertEquals(offer, read.get(PreFlight.Offer.class));
    assertEquals(answer, read.get(PreFlight.Answer.class));
    assertTrue(PreFlight.OFFER.isPublic() && PreFlight.OFFER.isCritical());
  }

  private static final ChunkRegistry SESSION = ChunkRegistry.of(PreFlight.OFFER_CODEC,
      PreFlight.ANSWER_CODEC);

  /** The data of an OFFR from producer "p" with {@code description} and no codes in use. */
  private static Consumer<WireWriter> offer(byte[] description) {
    return w -> {
      w.writeString("p");
      w.writeBytes(description);
      w.writeCount(0);
    };
  }

  @Test
  void aDamagedDescriptionInAnOfferIsReportedAtTheOffer() {
    WireWriter damaged = new WireWriter();
    damaged.writeShort((short) DescChunk.MAJOR);
    damaged.writeShort((short) DescChunk.MINOR);
    damaged.writeCount(0);
    damaged.writeByte((byte) 9); // a byte past the last type record, at a minor this reader knows
    StreamBuilder b = StreamBuilder.withHeader();
    int at = b.position();
    byte[] stream = b.chunk("OFFR", offer(damaged.toByteArray())).end().bytes();
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(stream, SESSION));
    assertEquals(Kind.LENGTH, e.kind(), e.getMessage());
    assertEquals(at, e.offset(), e.getMessage());
    assertEquals("OFFR", e.path(), "the stream holds no dESc chunk: " + e.getMessage());
  }

  @Test
  void anOffersDescriptionIsDecodedWithinTheReadsBudget() throws IOException {
    byte[] description = Descriptions.ofInts(5000);
    long budget = 2L * description.length + 4096; // the offer's bytes, twice over
    assertEquals(
        Kind.LIMIT,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(description, 0, budget))
            .kind(),
        "the descriptions alone take more than the budget");
    StreamBuilder b = StreamBuilder.withHeader();
    int at = b.position();
    byte[] stream = b.chunk("OFFR", offer(description)).end().bytes();
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> StateReader.read(
                stream, SESSION, ReadOptions.defaults().withAllocationBudget(budget)));
    assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
    assertEquals(at, e.offset(), e.getMessage());
    assertEquals("OFFR", e.path(), e.getMessage());
    assertEquals(
        5000,
        StateReader.read(stream, SESSION).get(PreFlight.Offer.class).types().get(0).fields().size(),
        "within the default budget");
  }

  /** An empty sub-chunk of type {@code code}, after the data {@code data} writes. */
  private static Consumer<WireWriter> then(Consumer<WireWriter> data, String code) {
    return data.andThen(w -> w.endChunk(w.beginChunk(ChunkType.of(code))));
  }

  @Test
  void unknownSubChunksOfAnOfferOrAnAnswerFollowTheReaderRules() throws IOException {
    Consumer<WireWriter> offer = offer(Descriptions.ofInts(1));
    WireWriter fields = new WireWriter();
    offer.accept(fields);
    StreamBuilder b = StreamBuilder.withHeader();
    int offerAt = b.position();
    int answerAt = b.chunk("OFFR", then(offer, "zzZz")).position();
    byte[] stream = b.chunk("ANSW", then(w -> w.writeCount(0), "zzZz")).end().bytes();
    Snapshot read = StateReader.read(stream, SESSION);
    assertEquals(
        List.of(
            new SkippedChunk(ChunkType.of("zzZz"), offerAt + 8 + fields.size(), 0, "OFFR/zzZz"),
            new SkippedChunk(ChunkType.of("zzZz"), answerAt + 8 + 4, 0, "ANSW/zzZz")),
        read.skipped());
    assertEquals(1, read.get(PreFlight.Offer.class).types().size());
    assertEquals(List.of(), read.get(PreFlight.Answer.class).findings());

    byte[] critical = StreamBuilder.withHeader().chunk("OFFR", then(offer, "ZzZz")).end().bytes();
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(critical, SESSION));
    assertEquals(Kind.UNKNOWN_CRITICAL, e.kind(), e.getMessage());
    assertEquals(offerAt + 8 + fields.size(), e.offset(), e.getMessage());
    assertEquals("OFFR/ZzZz", e.path(), e.getMessage());
  }

  /** A critical, private code with its reserved bit clear, the {@code i}-th of 26^4. */
  private static ChunkType code(int i) {
    char[] letters = {
      (char) ('A' + i % 26),
      (char) ('a' + i / 26 % 26),
      (char) ('A' + i / (26 * 26) % 26),
      (char) ('a' + i / (26 * 26 * 26) % 26)
    };
    return ChunkType.of(new String(letters));
  }

  /**
   * A peer's offer of {@code n} types that a version-1 receiver does not know, each with a
   * sub-chunk field of a critical type that the offer describes too and that is not in use; and
   * version 2 of NiCs, whose new sub-chunk is not in use either.
   */
  private static PreFlight.Offer largeOffer(int n) {
    List<TypeDescription> types = new ArrayList<>(List.of(V2));
    for (int i = 0; i < n; i++) {
      ChunkType sub = code(2 * i + 1);
      types.add(
          new TypeDescription(
              code(2 * i), "p.T", List.of(), List.of(new SubChunkField("s", sub, "p.S", false))));
      types.add(new TypeDescription(sub, "p.S", List.of(), List.of()));
    }
    return new PreFlight.Offer("peer", types, Set.of());
  }

  /** The steps that answering {@link #largeOffer}({@code n}) takes, its answer checked. */
  private static long answerSteps(int n) {
    PreFlight.Offer offer = largeOffer(n);
    PreFlight.Usage usage = new PreFlight.Usage(offer);
    PreFlight.Answer answer = PreFlight.answer(offer, RECEIVER_V1, usage);
    assertEquals(PreFlight.answer(offer, RECEIVER_V1), answer);
    // Each parent type may travel at the top level: refused. Each sub-chunk type, and tso, is
    // not carried: a note.
    assertEquals(n, answer.findings().stream().filter(Finding::isBreaking).count());
    assertEquals(
        n + 1,
        answer.findings().stream()
            .filter(f -> f.message().endsWith("but this stream does not carry it"))
            .count());
    return usage.steps();
  }

  @Test
  void answeringAnOfferTakesStepsLinearInItsSize() {
    int n = 2000;
    long steps = answerSteps(n);
    long twice = answerSteps(2 * n);
    // One step per sub-chunk field and per finding; asking every finding about every field of a
    // peer's offer took minutes of CPU for a 1.8 MB offer.
    assertTrue(steps <= 4L * n + 8, "answering " + n + " types took " + steps + " steps");
    assertTrue(twice <= 2 * steps, "twice the offer took " + twice + " steps, against " + steps);
  }
}
